/* A callee dropped mmap_lock (it returns false when it did); the VMA that
 * was passed in is used again after the re-lock without a lookup. */
static long zap_after_notify(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	if (!notify_and_maybe_unlock(vma, start, end)) {
		mmap_read_lock(mm);
		if (end > vma->vm_end)
			end = vma->vm_end;
	}
	zap_range(vma, start, end - start);
	return 0;
}
