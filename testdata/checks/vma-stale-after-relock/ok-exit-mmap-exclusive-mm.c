/*
 * exit_mmap() (the model's exclusive-mm line): the mm has no users left, so
 * the first VMA stays valid across mmap_read_unlock() / mmap_write_lock().
 */
#include <linux/mm.h>

extern void demo_unmap_vmas(struct vm_area_struct *vma);
extern void demo_free_pgtables(struct mm_struct *mm, unsigned long start);

void exit_mmap(struct mm_struct *mm)
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
	demo_free_pgtables(mm, vma->vm_end);
	mmap_write_unlock(mm);
}
