/* The same with the lookup after the re-lock, and a trylock that only
 * asserts that the caller holds mmap_lock. */
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

static int set_mixed(struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_MIXEDMAP)) {
		BUG_ON(mmap_read_trylock(vma->vm_mm));
		vm_flags_set(vma, VM_MIXEDMAP);
	}
	return 0;
}
