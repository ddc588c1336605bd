/* Models the classic arch fault prologue: mmap_read_trylock() first, and mmap_read_lock() only when the trylock failed. */
#include <linux/mm.h>

int demo_fault_prologue(struct mm_struct *mm, struct pt_regs *regs,
			unsigned long address)
{
	struct vm_area_struct *vma;
	int ret = 0;

	if (unlikely(!mmap_read_trylock(mm))) {
		if (!user_mode(regs))
			return -EFAULT;
		mmap_read_lock(mm);
	}
	vma = find_vma(mm, address);
	if (!vma || vma->vm_start > address)
		ret = -EFAULT;
	mmap_read_unlock(mm);
	return ret;
}
