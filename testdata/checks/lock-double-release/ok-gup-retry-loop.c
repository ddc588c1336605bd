/* Models a GUP-style remote fault-in loop: after VM_FAULT_RETRY/COMPLETED the lock is already gone, so only the non-retry path unlocks. */
#include <linux/mm.h>

int demo_fault_in_remote(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma;
	unsigned int flags = FAULT_FLAG_REMOTE | FAULT_FLAG_ALLOW_RETRY |
			     FAULT_FLAG_KILLABLE;
	vm_fault_t fault;

	if (write)
		flags |= FAULT_FLAG_WRITE;
retry:
	if (mmap_read_lock_killable(mm))
		return -EINTR;
	vma = vma_lookup(mm, addr);
	if (!vma) {
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
	mmap_read_unlock(mm);
	if (fault & VM_FAULT_ERROR)
		return -EFAULT;
	return 0;
}
