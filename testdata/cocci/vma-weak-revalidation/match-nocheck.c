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
