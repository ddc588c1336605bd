/* Models a munmap/brk-style path: mmap_write_lock_killable(), vma_start_write(), then either mmap_write_unlock() or mmap_write_downgrade() followed by mmap_read_unlock(). */
#include <linux/mm.h>

int demo_unmap_downgrade(struct mm_struct *mm, unsigned long start, size_t len,
			 bool downgrade)
{
	struct vm_area_struct *vma;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= start + len) {
		mmap_write_unlock(mm);
		return 0;
	}
	vma_start_write(vma);
	if (downgrade) {
		mmap_write_downgrade(mm);
		zap_page_range_single(vma, start, len, NULL);
		mmap_read_unlock(mm);
		return 1;
	}
	zap_page_range_single(vma, start, len, NULL);
	mmap_write_unlock(mm);
	return 0;
}
