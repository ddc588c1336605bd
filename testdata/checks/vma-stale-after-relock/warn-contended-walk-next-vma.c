/* Models a long VMA walk that yields mmap_lock when it is contended (mmap_lock_is_contended() / cond_resched()) and then continues from the old vma's vm_end. */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_scan_vma(struct vm_area_struct *vma);

void demo_scan_mm(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = find_vma(mm, start);
	while (vma && vma->vm_start < end) {
		demo_scan_vma(vma);
		if (mmap_lock_is_contended(mm)) {
			mmap_read_unlock(mm);
			cond_resched();
			mmap_read_lock(mm);
		}
		vma = find_vma(mm, vma->vm_end);	/* expect: vma-stale-after-relock */
	}
	mmap_read_unlock(mm);
}
