/* Models a driver helper that holds mmap_read_lock(mm) with mm = vma->vm_mm and takes mmap_read_lock(vma->vm_mm) again (recursive read deadlocks behind a queued writer). */
#include <linux/mm.h>

int demo_vma_has_next(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *next;
	int ret;

	mmap_read_lock(mm);
	if (!range_in_vma(vma, addr, addr + PAGE_SIZE)) {
		ret = -EINVAL;
	} else {
		mmap_read_lock(vma->vm_mm);	/* expect: lock-double-acquire */
		next = find_vma(vma->vm_mm, vma->vm_end);
		ret = next ? 1 : 0;
	}
	mmap_read_unlock(mm);
	return ret;
}
