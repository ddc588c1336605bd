/* Models a vfio/KVM-style pfn lookup: when fixup_user_fault() reports that it dropped mmap_lock (unlocked), the old vma is "revalidated" by comparing it with find_vma(). */
#include <linux/mm.h>

extern int demo_follow_pfn(struct vm_area_struct *vma, unsigned long addr, unsigned long *pfn);

int demo_get_pfn(struct mm_struct *mm, unsigned long addr, unsigned long *pfn)
{
	struct vm_area_struct *vma, *cur;
	bool unlocked = false;
	int ret;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma || !(vma->vm_flags & VM_PFNMAP)) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	ret = fixup_user_fault(mm, addr, FAULT_FLAG_WRITE, &unlocked);
	if (ret) {
		mmap_read_unlock(mm);
		return ret;
	}
	cur = vma_lookup(mm, addr);
	if (unlocked) {
		if (cur != vma) {	/* expect: vma-weak-revalidation */
			mmap_read_unlock(mm);
			return -EAGAIN;
		}
	}
	ret = cur ? demo_follow_pfn(cur, addr, pfn) : -EFAULT;
	mmap_read_unlock(mm);
	return ret;
}
