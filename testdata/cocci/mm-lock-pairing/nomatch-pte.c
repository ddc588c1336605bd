/* Every path that took the PTL drops it; the NULL branch took nothing. */
static int age_one_pte_ok(struct vm_area_struct *vma, pmd_t *pmd,
			  unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte, ptent;

	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	ptent = ptep_get(pte);
	if (!pte_present(ptent)) {
		pte_unmap_unlock(pte, ptl);
		return -ENOENT;
	}
	set_pte_at(vma->vm_mm, addr, pte, pte_mkold(ptent));
	pte_unmap_unlock(pte, ptl);
	return 0;
}

/* The folio is locked only after the PTL is dropped; under the PTL only a
 * trylock is used. */
static vm_fault_t lock_after_unmap(struct vm_fault *vmf, struct folio *folio)
{
	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd,
				       vmf->address, &vmf->ptl);
	if (!vmf->pte)
		return VM_FAULT_NOPAGE;
	if (folio_trylock(folio)) {
		map_folio_pte(vmf, folio);
		folio_unlock(folio);
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return 0;
	}
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	folio_lock(folio);
	folio_unlock(folio);
	return VM_FAULT_RETRY;
}
