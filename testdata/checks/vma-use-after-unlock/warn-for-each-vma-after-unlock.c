/* A for_each_vma() walk that drops mmap_lock to bail out and still reads the VMA it was on. */
#include <linux/mm.h>
extern void scan(struct vm_area_struct *vma);
void demo(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, mm, 0);

	mmap_read_lock(mm);
	for_each_vma(vmi, vma) {
		scan(vma);
		if (vma->vm_flags & 1) {
			mmap_read_unlock(mm);
			if (vma->vm_flags & 2)	/* expect: vma-use-after-unlock */
				return;
			return;
		}
	}
	mmap_read_unlock(mm);
}
