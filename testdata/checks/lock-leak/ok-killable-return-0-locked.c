/* Models a lock-and-validate helper: returns 0 with mmap_read_lock held, or a negative errno with nothing held (the caller unlocks on 0). */
#include <linux/mm.h>

int demo_lock_mm_checked(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	vma = vma_lookup(mm, addr);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	if (vma->vm_flags & (VM_IO | VM_PFNMAP)) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	return 0;
}
