/* A callee dropped mmap_lock (it returns false when it did); after the
 * re-lock the VMA that was passed in is "revalidated" by a pointer
 * comparison, or looked up with find_vma() and used unchecked. */
static long zap_after_notify_cmp(struct vm_area_struct *vma,
				 unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	if (!notify_and_maybe_unlock(vma, start, end)) {
		mmap_read_lock(mm);
		if (vma_lookup(mm, start) != vma)
			return -ENOMEM;
	}
	zap_range(vma, start, end - start);
	return 0;
}

static long zap_after_notify_find(struct vm_area_struct *vma,
				  unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	if (!notify_and_maybe_unlock(vma, start, end)) {
		mmap_read_lock(mm);
		vma = find_vma(mm, start);
		if (!vma)
			return -ENOMEM;
		if (end > vma->vm_end)
			end = vma->vm_end;
	}
	zap_range(vma, start, end - start);
	return 0;
}
