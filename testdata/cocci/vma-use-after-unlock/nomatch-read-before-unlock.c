/* The fixed madvise_willneed() shape: everything needed from the VMA is
 * read while mmap_lock is still held. */
static long willneed_file_fixed(struct vm_area_struct *vma,
				unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct file *file = vma->vm_file;
	loff_t offset;

	get_file(file);
	offset = (loff_t)(start - vma->vm_start) +
		 ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
	mmap_read_unlock(mm);
	vfs_fadvise(file, offset, end - start, POSIX_FADV_WILLNEED);
	fput(file);
	mmap_read_lock(mm);
	return 0;
}

/* A per-VMA lock held until the last read. */
static unsigned long vma_flags_locked(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = lock_vma_under_rcu(mm, addr);
	unsigned long flags;

	if (!vma)
		return 0;
	flags = vma->vm_flags;
	vma_end_read(vma);
	return flags;
}
