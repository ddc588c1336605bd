/* fixup_user_fault()-style retry: the VMA is looked up again after the
 * lock is retaken, and everything read from it is read before the fault. */
static int fixup_fault(struct mm_struct *mm, unsigned long address,
		       unsigned int fault_flags, bool *unlocked)
{
	struct vm_area_struct *vma;
	vm_fault_t ret;
	bool shared;

retry:
	vma = vma_lookup(mm, address);
	if (!vma)
		return -EFAULT;
	shared = vma->vm_flags & VM_SHARED;
	ret = handle_mm_fault(vma, address, fault_flags, NULL);
	if (ret & VM_FAULT_COMPLETED) {
		mmap_read_lock(mm);
		*unlocked = true;
		return shared;
	}
	if (ret & VM_FAULT_ERROR)
		return -EFAULT;
	if (ret & VM_FAULT_RETRY) {
		mmap_read_lock(mm);
		*unlocked = true;
		fault_flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	return shared;
}

static vm_fault_t swapin_one_ok(struct vm_fault *vmf, struct folio *folio)
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
	return ret;
}
