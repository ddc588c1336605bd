/* A per-VMA-locked VMA read after vma_end_read(). */
static bool try_vma_locked(struct mm_struct *mm, unsigned long addr,
			   unsigned long *flags)
{
	struct vm_area_struct *vma;
	bool ok;

	vma = lock_vma_under_rcu(mm, addr);
	if (!vma)
		return false;
	ok = do_work_locked(vma, addr);
	vma_end_read(vma);
	if (ok)
		*flags = vma->vm_flags;
	return ok;
}
