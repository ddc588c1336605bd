/*
 * The exit_mmap() body in a function that does not own its mm: another
 * task may unmap the VMA while the lock is dropped.
 */
#include <linux/mm.h>

extern void demo_unmap_vmas(struct vm_area_struct *vma);
extern void demo_free_pgtables(struct mm_struct *mm, unsigned long start);

void demo_shared_mm_teardown(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = find_vma(mm, 0);
	if (!vma) {
		mmap_read_unlock(mm);
		return;
	}
	demo_unmap_vmas(vma);
	mmap_read_unlock(mm);
	mmap_write_lock(mm);
	demo_free_pgtables(mm, vma->vm_end);	/* expect: vma-stale-after-relock */
	mmap_write_unlock(mm);
}
