/* The VMA passed on after a killable re-lock. */
static long populate_after_io(struct mm_struct *mm, struct vm_area_struct *vma,
			      unsigned long start, unsigned long end)
{
	long ret;

	mmap_read_unlock(mm);
	ret = wait_for_io_done(start, end);
	if (ret)
		return ret;
	if (mmap_read_lock_killable(mm))
		return -EINTR;
	ret = populate_range(vma, start, end);
	mmap_read_unlock(mm);
	return ret;
}

/* A NULL test is no revalidation. */
static int flags_after_wait(struct mm_struct *mm, struct vm_area_struct *vma)
{
	mmap_read_unlock(mm);
	wait_for_writer();
	mmap_read_lock(mm);
	if (vma == NULL)
		return -EINVAL;
	return vma->vm_flags & VM_WRITE;
}
