/* Models the mremap/munmap-style mmap_write_downgrade(): write to read without ever dropping mmap_lock, so the vma found under the write lock is still valid afterwards. */
#include <linux/mm.h>

extern int demo_detach_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
extern void demo_zap_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);

int demo_shrink_mapping(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;
	int ret;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	vma = find_vma_intersection(mm, start, end);
	if (!vma) {
		mmap_write_unlock(mm);
		return -EINVAL;
	}
	ret = demo_detach_range(vma, start, end);
	if (ret) {
		mmap_write_unlock(mm);
		return ret;
	}
	/* the slow part only needs the read lock */
	mmap_write_downgrade(mm);
	demo_zap_range(vma, start, min(end, vma->vm_end));
	mmap_read_unlock(mm);
	return 0;
}
