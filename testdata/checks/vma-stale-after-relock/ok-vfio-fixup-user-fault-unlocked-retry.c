/* Models vfio's vaddr_get_pfns()/follow_fault_pfn() (6.12 shape): when fixup_user_fault() reports *unlocked, the vma is looked up again (goto retry) before it is used. */
#include <linux/mm.h>

extern int demo_follow_pfn(struct vm_area_struct *vma, unsigned long vaddr, unsigned long *pfn);

int demo_vaddr_get_pfn(struct mm_struct *mm, unsigned long vaddr, bool write,
		       unsigned long *pfn)
{
	struct vm_area_struct *vma;
	int ret;

	mmap_read_lock(mm);
retry:
	vma = vma_lookup(mm, vaddr);
	if (!vma || !(vma->vm_flags & VM_PFNMAP)) {
		ret = -EFAULT;
		goto out;
	}
	ret = demo_follow_pfn(vma, vaddr, pfn);
	if (ret) {
		bool unlocked = false;

		ret = fixup_user_fault(mm, vaddr,
				       FAULT_FLAG_REMOTE | (write ? FAULT_FLAG_WRITE : 0),
				       &unlocked);
		if (unlocked)
			goto retry;
		if (ret)
			goto out;
		ret = demo_follow_pfn(vma, vaddr, pfn);
	}
out:
	mmap_read_unlock(mm);
	return ret;
}
