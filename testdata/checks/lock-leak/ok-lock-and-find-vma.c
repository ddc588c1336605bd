/* Models lock_mm_and_find_vma()-style helpers: returns a vma with mmap_read_lock held or NULL with nothing held. */
#include <linux/mm.h>

struct vm_area_struct *demo_lock_vma_for(struct mm_struct *mm,
					 unsigned long addr, bool write)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr)
		goto fail;
	if (write && !(vma->vm_flags & VM_WRITE))
		goto fail;
	return vma;
fail:
	mmap_read_unlock(mm);
	return NULL;
}
