/* GUP-style fault helpers that look at the VMA on the released paths. */
static int fault_one(struct vm_area_struct *vma, unsigned long address,
		     unsigned int fault_flags, int *locked)
{
	vm_fault_t ret;

	ret = handle_mm_fault(vma, address, fault_flags, NULL);
	if (ret & VM_FAULT_COMPLETED) {
		*locked = 0;
		account_fault(vma->vm_mm, address);
		return -EAGAIN;
	}
	if (ret & VM_FAULT_ERROR)
		return -EFAULT;
	if (ret & VM_FAULT_RETRY) {
		if (!(fault_flags & FAULT_FLAG_RETRY_NOWAIT))
			*locked = 0;
		return -EBUSY;
	}
	return 0;
}

static int fault_one_late(struct vm_area_struct *vma, unsigned long address,
			  unsigned int fault_flags, int *locked)
{
	vm_fault_t ret;

	ret = handle_mm_fault(vma, address, fault_flags, NULL);
	if (ret & VM_FAULT_RETRY)
		*locked = 0;
	if (vma->vm_flags & VM_LOCKED)
		mark_locked_range(vma, address);
	return ret & VM_FAULT_RETRY ? -EBUSY : 0;
}
