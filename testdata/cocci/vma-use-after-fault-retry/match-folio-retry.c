/* Fault handlers using the VMA after folio_lock_or_retry() gave up (6.6+:
 * nonzero means VM_FAULT_RETRY and the fault lock was released). */
static vm_fault_t remove_marker(struct vm_fault *vmf, struct folio *folio)
{
	vm_fault_t ret;

	ret = folio_lock_or_retry(folio, vmf);
	if (ret) {
		folio_put(folio);
		count_retry(vmf->vma->vm_mm);
		return ret;
	}
	folio_unlock(folio);
	folio_put(folio);
	return 0;
}

static vm_fault_t swapin_one(struct vm_fault *vmf, struct folio *folio)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret = 0;

	ret |= folio_lock_or_retry(folio, vmf);
	if (ret & VM_FAULT_RETRY)
		goto out_release;
	map_swapped_folio(vma, folio, vmf->address);
	folio_unlock(folio);
	return ret;
out_release:
	folio_put(folio);
	if (vma->vm_flags & VM_SHARED)
		ret |= VM_FAULT_MAJOR;
	return ret;
}
