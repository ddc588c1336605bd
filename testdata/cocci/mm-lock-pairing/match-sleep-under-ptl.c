/* Sleeping locks taken while a PTE lock (a spinlock) is held. */
static vm_fault_t wait_and_map(struct vm_fault *vmf, struct folio *folio)
{
	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd,
				       vmf->address, &vmf->ptl);
	if (!vmf->pte)
		return VM_FAULT_NOPAGE;
	folio_lock(folio);
	map_folio_pte(vmf, folio);
	folio_unlock(folio);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}

static int walk_and_lock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte;

	pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	mmap_read_lock(mm);
	touch_ptes(pte);
	mmap_read_unlock(mm);
	pte_unmap_unlock(pte, ptl);
	return 0;
}

/* Under the PMD lock of a huge PMD: a killable folio lock is a sleep too. */
static int split_huge_range(struct vm_area_struct *vma, pmd_t *pmd,
			    struct folio *folio)
{
	spinlock_t *ptl;
	int err;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (!ptl)
		return 0;
	if (is_huge_zero_pmd(*pmd))
		goto unlock;
	if (folio_lock_killable(folio))
		goto unlock;
	err = split_folio(folio);
	folio_unlock(folio);
unlock:
	spin_unlock(ptl);
	return 0;
}
