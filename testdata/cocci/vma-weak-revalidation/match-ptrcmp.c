/* "Revalidation" by comparing a fresh lookup with the old pointer. */
static int relock_ptrcmp(struct mm_struct *mm, struct vm_area_struct *vma,
			 unsigned long addr)
{
	int ret;

	mmap_read_unlock(mm);
	ret = slow_prepare(addr);
	mmap_write_lock(mm);
	if (ret || find_vma(mm, addr) != vma) {
		mmap_write_unlock(mm);
		return -EAGAIN;
	}
	ret = change_range(vma, addr);
	mmap_write_unlock(mm);
	return ret;
}
