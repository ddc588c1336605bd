/* The unlock is recorded in a flag and every later path tests the flag
 * before touching the VMA again (the khugepaged scan loop idiom). */
static int scan_range(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long start, unsigned long end)
{
	unsigned long addr;
	bool mmap_locked = true;
	int result = 0;

	for (addr = start; addr < end; addr += HPAGE_PMD_SIZE) {
		if (!mmap_locked) {
			mmap_read_lock(mm);
			mmap_locked = true;
			result = revalidate_range(mm, addr, &vma);
			if (result)
				return result;
		}
		if (!vma_is_anonymous(vma)) {
			struct file *file = get_file(vma->vm_file);

			mmap_read_unlock(mm);
			mmap_locked = false;
			result = scan_file_range(mm, addr, file);
			fput(file);
		} else {
			result = scan_anon_range(mm, vma, addr, &mmap_locked);
		}
	}
	if (!mmap_locked)
		mmap_read_lock(mm);
	return result;
}
