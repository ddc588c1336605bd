/* The same walk copying what it needs from the VMA before dropping mmap_lock. */
#include <linux/mm.h>

extern void scan(struct vm_area_struct *vma);
extern void report_end(unsigned long end);

void demo(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, mm, 0);

	mmap_read_lock(mm);
	for_each_vma(vmi, vma) {
		scan(vma);
		if (vma->vm_flags & 1) {
			unsigned long end = vma->vm_end;

			mmap_read_unlock(mm);
			report_end(end);
			return;
		}
	}
	mmap_read_unlock(mm);
}
