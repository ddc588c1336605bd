/* An error path that jumps past the unlock label. */
static int fill_one_pte(struct vm_area_struct *vma, pmd_t *pmd,
			unsigned long addr, pte_t newpte)
{
	spinlock_t *ptl;
	pte_t *pte;
	int err = -EAGAIN;

	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!pte)
		goto out;
	if (range_too_big(vma, addr)) {
		err = -EFAULT;
		goto out;
	}
	err = -EEXIST;
	if (!pte_none(ptep_get(pte)))
		goto out_unlock;
	set_pte_at(vma->vm_mm, addr, pte, newpte);
	err = 0;
out_unlock:
	pte_unmap_unlock(pte, ptl);
out:
	return err;
}

/* The same with the lock in struct vm_fault. */
static vm_fault_t map_one(struct vm_fault *vmf, struct folio *folio)
{
	vm_fault_t ret = 0;

	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd,
				       vmf->address, &vmf->ptl);
	if (unlikely(!vmf->pte || !pte_same(ptep_get(vmf->pte), vmf->orig_pte)))
		goto out_nomap;
	if (unlikely(!folio_test_uptodate(folio))) {
		ret = VM_FAULT_SIGBUS;
		goto out_page;
	}
	install_folio_pte(vmf->vma, vmf->address, vmf->pte, folio);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return ret;
out_nomap:
	if (vmf->pte)
		pte_unmap_unlock(vmf->pte, vmf->ptl);
out_page:
	folio_unlock(folio);
	return ret;
}
