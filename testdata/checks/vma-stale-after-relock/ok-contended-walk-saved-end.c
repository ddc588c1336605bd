/* Models a long VMA walk that yields mmap_lock when it is contended: the resume address is copied from the vma before the lock is dropped and the walk restarts with find_vma(). */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_scan_vma(struct vm_area_struct *vma);

void demo_scan_mm(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;
	unsigned long next;

	mmap_read_lock(mm);
	vma = find_vma(mm, start);
	while (vma && vma->vm_start < end) {
		demo_scan_vma(vma);
		next = vma->vm_end;
		if (mmap_lock_is_contended(mm)) {
			mmap_read_unlock(mm);
			cond_resched();
			mmap_read_lock(mm);
		}
		vma = find_vma(mm, next);
	}
	mmap_read_unlock(mm);
}
