/* find_vma() after a re-lock, used as if it contained addr. */
static int relock_find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	int ret;

	mmap_read_unlock(mm);
	ret = wait_for_event();
	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma)
		return -ENOMEM;
	ret = (vma->vm_flags & VM_WRITE) ? 1 : 0;
	return ret;
}

/* The same without a NULL test: reported, not rewritten (vma_lookup()
 * returning NULL would be dereferenced). */
static unsigned long relock_no_null_test(struct mm_struct *mm,
					 unsigned long addr)
{
	struct vm_area_struct *vma;

	mmap_write_unlock(mm);
	wait_for_event();
	mmap_write_lock(mm);
	vma = find_vma(mm, addr);
	return vma->vm_end - addr;
}

/* A NULL test that jumps to the exit: rewritten. */
static int relock_goto(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	int ret = -EFAULT;

	mmap_read_unlock(mm);
	if (mmap_read_lock_killable(mm))
		return -EINTR;
	vma = find_vma(mm, addr);
	if (!vma)
		goto out;
	ret = handle_range(vma, addr);
out:
	mmap_read_unlock(mm);
	return ret;
}
