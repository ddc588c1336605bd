/* Models a for_each_vma_range() walk under mmap_read_lock with continue and break, unlocking once after the loop. */
#include <linux/mm.h>

long demo_count_locked_pages(struct mm_struct *mm, unsigned long start,
			     unsigned long end)
{
	struct vm_area_struct *vma;
	long pages = 0;
	VMA_ITERATOR(vmi, mm, start);

	mmap_read_lock(mm);
	for_each_vma_range(vmi, vma, end) {
		if (!(vma->vm_flags & VM_LOCKED))
			continue;
		if (vma->vm_flags & VM_IO) {
			pages = -EINVAL;
			break;
		}
		pages += vma_pages(vma);
	}
	mmap_read_unlock(mm);
	return pages;
}
