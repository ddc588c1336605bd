/* Models a re-lookup after mmap_read_unlock()/mmap_read_lock() that checks only vm_end (always true for find_vma()) and then trusts vm_flags of what may be the next VMA. */
#include <linux/mm.h>

extern int demo_fault_in(struct mm_struct *mm, unsigned long addr);

int demo_fault_and_check(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma;
	int ret = 0;

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
	if (!vma || addr >= vma->vm_end) {
		ret = -EFAULT;
		goto out;
	}
	if (write && !(vma->vm_flags & VM_WRITE))	/* expect: vma-weak-revalidation */
		ret = -EPERM;
out:
	mmap_read_unlock(mm);
	return ret;
}
