/* An early return between pte_offset_map_lock() and pte_unmap_unlock(). */
static int age_one_pte(struct vm_area_struct *vma, pmd_t *pmd,
		       unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte, ptent;

	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	ptent = ptep_get(pte);
	if (!pte_present(ptent))
		return -ENOENT;
	set_pte_at(vma->vm_mm, addr, pte, pte_mkold(ptent));
	pte_unmap_unlock(pte, ptl);
	return 0;
}

static vm_fault_t install_zero(struct vm_fault *vmf)
{
	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd,
				       vmf->address, &vmf->ptl);
	if (!vmf->pte)
		return VM_FAULT_NOPAGE;
	if (!pte_none(ptep_get(vmf->pte))) {
		update_mmu_tlb(vmf->vma, vmf->address, vmf->pte);
		return 0;
	}
	set_zero_pte(vmf);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}

/* get_locked_pte() returns the PTE mapped and locked too. */
static vm_fault_t set_special_pte(struct vm_area_struct *vma,
				  unsigned long addr, unsigned long pfn)
{
	spinlock_t *ptl;
	pte_t *pte;

	pte = get_locked_pte(vma->vm_mm, addr, &ptl);
	if (!pte)
		return VM_FAULT_OOM;
	if (!pte_none(ptep_get(pte))) {
		if (pte_pfn(ptep_get(pte)) != pfn)
			return VM_FAULT_NOPAGE;
		goto out_unlock;
	}
	set_pte_at(vma->vm_mm, addr, pte, pte_mkspecial(pfn_pte(pfn, vma->vm_page_prot)));
out_unlock:
	pte_unmap_unlock(pte, ptl);
	return VM_FAULT_NOPAGE;
}
