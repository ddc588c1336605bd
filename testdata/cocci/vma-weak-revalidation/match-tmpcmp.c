/* The same through a temporary, after a killable re-lock. */
static int relock_tmpcmp(struct mm_struct *mm, struct vm_area_struct *vma,
			 unsigned long addr)
{
	struct vm_area_struct *cur;

	mmap_write_unlock(mm);
	flush_pending(mm);
	if (mmap_read_lock_killable(mm))
		return -EINTR;
	cur = vma_lookup(mm, addr);
	if (!cur || cur != vma) {
		mmap_read_unlock(mm);
		return -EAGAIN;
	}
	return 0;
}
