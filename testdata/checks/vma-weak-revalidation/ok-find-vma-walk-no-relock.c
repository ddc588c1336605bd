/* Models a plain VMA walk under one mmap_read_lock(): find_vma() returns the first VMA at or after addr and its vm_flags are read without a vm_start check, which is the intent. */
#include <linux/mm.h>

unsigned long demo_count_locked(struct mm_struct *mm, unsigned long addr, unsigned long end)
{
	struct vm_area_struct *vma;
	unsigned long pages = 0;

	mmap_read_lock(mm);
	for (vma = find_vma(mm, addr); vma; vma = find_vma(mm, vma->vm_end)) {
		if (vma->vm_flags & VM_LOCKED)
			pages += vma_pages(vma);
		if (vma->vm_end >= end)
			break;
	}
	mmap_read_unlock(mm);
	return pages;
}
