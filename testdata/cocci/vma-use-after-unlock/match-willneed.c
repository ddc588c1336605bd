/* The pre-fix madvise_willneed() shape: the file offset is computed from
 * the VMA after mmap_lock was dropped. */
static long willneed_file(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct file *file = vma->vm_file;
	loff_t offset;

	get_file(file);
	mmap_read_unlock(mm);
	offset = (loff_t)(start - vma->vm_start) +
		 ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
	vfs_fadvise(file, offset, end - start, POSIX_FADV_WILLNEED);
	fput(file);
	mmap_read_lock(mm);
	return 0;
}
