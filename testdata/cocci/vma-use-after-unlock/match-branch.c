/* The unlock is on one branch only; the other branch re-looks the VMA up,
 * but the path through the first one reaches the use. */
static int maybe_drop(struct mm_struct *mm, unsigned long addr, bool slow)
{
	struct vm_area_struct *vma;
	unsigned long size;

	mmap_write_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma) {
		mmap_write_unlock(mm);
		return -ENOMEM;
	}
	if (slow) {
		mmap_write_unlock(mm);
		wait_a_while();
	} else {
		vma = vma_lookup(mm, addr);
	}
	size = vma->vm_end - vma->vm_start;
	return size > PAGE_SIZE;
}
