/* After the re-lock the VMA is looked up again and rechecked. */
static int relock_lookup(struct mm_struct *mm, unsigned long addr,
			 unsigned long old_flags)
{
	struct vm_area_struct *vma;

	mmap_read_unlock(mm);
	slow_prepare(addr);
	mmap_write_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma || vma->vm_flags != old_flags) {
		mmap_write_unlock(mm);
		return -EAGAIN;
	}
	change_range(vma, addr);
	mmap_write_unlock(mm);
	return 0;
}

/* find_vma() with a range check after the re-lock. */
static int relock_find_vma_checked(struct mm_struct *mm, unsigned long start,
				   unsigned long end)
{
	struct vm_area_struct *vma;

	mmap_read_unlock(mm);
	wait_for_event();
	mmap_read_lock(mm);
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return -ENOMEM;
	return handle_range(vma, start);
}
