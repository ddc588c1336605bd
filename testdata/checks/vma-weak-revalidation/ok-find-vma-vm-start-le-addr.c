/* Models a fault-and-retry helper that re-takes mmap_lock and accepts find_vma()'s result only when vma->vm_start <= addr. */
#include <linux/mm.h>

extern int demo_fault_in(struct mm_struct *mm, unsigned long addr);

int demo_fault_and_check(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma;
	int ret = -EFAULT;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	mmap_read_unlock(mm);
	if (demo_fault_in(mm, addr))
		return -EFAULT;

	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr) {
		ret = 0;
		if (write && !(vma->vm_flags & VM_WRITE))
			ret = -EPERM;
	}
	mmap_read_unlock(mm);
	return ret;
}
