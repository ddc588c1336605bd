/* Models vfio's follow_fault_pfn() before 5.9 (no *unlocked argument): fixup_user_fault() with unlocked == NULL never drops mmap_lock, so the vma stays valid. */
#include <linux/mm.h>

extern int demo_follow_pfn(struct vm_area_struct *vma, unsigned long vaddr, unsigned long *pfn);

int demo_vaddr_get_pfn(struct mm_struct *mm, unsigned long vaddr, bool write,
		       unsigned long *pfn)
{
	struct vm_area_struct *vma;
	int ret;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, vaddr);
	if (!vma || !(vma->vm_flags & VM_PFNMAP)) {
		ret = -EFAULT;
		goto out;
	}
	ret = demo_follow_pfn(vma, vaddr, pfn);
	if (ret) {
		ret = fixup_user_fault(mm, vaddr,
				       FAULT_FLAG_REMOTE | (write ? FAULT_FLAG_WRITE : 0),
				       NULL);
		if (ret)
			goto out;
		ret = demo_follow_pfn(vma, vaddr, pfn);
	}
out:
	mmap_read_unlock(mm);
	return ret;
}
