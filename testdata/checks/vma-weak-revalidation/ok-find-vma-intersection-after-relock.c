/* Models a range check after mmap_write_lock(): find_vma_intersection() only returns a VMA overlapping [start, end), so no vm_start check is needed. */
#include <linux/mm.h>

extern int demo_account(struct mm_struct *mm, unsigned long len);

int demo_protect_range(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	struct vm_area_struct *vma;
	int ret;

	mmap_read_lock(mm);
	ret = demo_account(mm, len);
	mmap_read_unlock(mm);
	if (ret)
		return ret;

	mmap_write_lock(mm);
	vma = find_vma_intersection(mm, start, start + len);
	if (!vma) {
		mmap_write_unlock(mm);
		return -ENOMEM;
	}
	if (vma->vm_flags & VM_LOCKED)
		ret = -EBUSY;
	else
		vm_flags_set(vma, VM_DONTCOPY);
	mmap_write_unlock(mm);
	return ret;
}
