/* Models a fixup_user_fault()-style loop whose VM_FAULT_OOM retry jumps back to mmap_read_lock() without unlocking (only RETRY/COMPLETED released the lock). */
#include <linux/mm.h>

int demo_fault_in_writeable(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	unsigned int flags = FAULT_FLAG_WRITE | FAULT_FLAG_ALLOW_RETRY |
			     FAULT_FLAG_KILLABLE;
	vm_fault_t fault;
	int tries = 0;

retry:
	mmap_read_lock(mm);	/* expect: lock-double-acquire */
	vma = vma_lookup(mm, addr);
	if (!vma || !(vma->vm_flags & VM_WRITE)) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	fault = handle_mm_fault(vma, addr, flags, NULL);
	if (fault & VM_FAULT_COMPLETED)
		return 0;
	if (fault & VM_FAULT_RETRY) {
		flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	if ((fault & VM_FAULT_OOM) && ++tries < 3)
		goto retry;
	mmap_read_unlock(mm);
	return (fault & VM_FAULT_ERROR) ? -EFAULT : 0;
}
