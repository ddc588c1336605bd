/*
 * fixup_user_fault() with its retry label below the lookup: the VMA comes
 * from a lookup helper of this file (gup_vma_lookup(): find_vma() plus a
 * vm_start check), so it lives under mmap_lock as of the lookup; after the
 * fault returned VM_FAULT_RETRY and the lock was taken again it is stale.
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
	vma = demo_vma_lookup(mm, address);
	if (!vma)
		return -EFAULT;
retry:
	if (!(vma->vm_flags & VM_WRITE))	/* expect: vma-stale-after-relock */
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
