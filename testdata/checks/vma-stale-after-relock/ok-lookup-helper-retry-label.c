/*
 * The correct fixup_user_fault(): the retry label is above the lookup
 * helper's call, so the VMA is looked up again after every re-lock.
 */
#include <linux/mm.h>

static struct vm_area_struct *demo_vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma || addr >= vma->vm_start)
		return vma;
	return NULL;
}

int demo_fixup(struct mm_struct *mm, unsigned long address, unsigned int fault_flags)
{
	struct vm_area_struct *vma;
	vm_fault_t ret;

	mmap_assert_locked(mm);
	fault_flags |= FAULT_FLAG_ALLOW_RETRY;
retry:
	vma = demo_vma_lookup(mm, address);
	if (!vma)
		return -EFAULT;
	if (!(vma->vm_flags & VM_WRITE))
		return -EFAULT;
	ret = handle_mm_fault(vma, address, fault_flags, NULL);
	if (ret & VM_FAULT_COMPLETED) {
		mmap_read_lock(mm);
		return 0;
	}
	if (ret & VM_FAULT_ERROR)
		return -EFAULT;
	if (ret & VM_FAULT_RETRY) {
		mmap_read_lock(mm);
		fault_flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	return 0;
}
