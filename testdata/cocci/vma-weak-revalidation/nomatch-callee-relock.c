/* After the callee dropped mmap_lock the VMA is looked up again and
 * checked; a function that takes mmap_lock for the first time compares
 * nothing old. */
static long zap_after_notify_ok(struct vm_area_struct *vma,
				unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	if (!notify_and_maybe_unlock(vma, start, end)) {
		mmap_read_lock(mm);
		vma = vma_lookup(mm, start);
		if (!vma)
			return -ENOMEM;
		if (end > vma->vm_end)
			end = vma->vm_end;
	}
	zap_range(vma, start, end - start);
	return 0;
}

static int first_lock(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	int ret = -EFAULT;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (vma)
		ret = vma->vm_flags & VM_WRITE ? 1 : 0;
	mmap_read_unlock(mm);
	return ret;
}
