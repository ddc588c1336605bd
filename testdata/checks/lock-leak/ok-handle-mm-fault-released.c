/* Models a driver fault-in helper: after VM_FAULT_RETRY/COMPLETED handle_mm_fault() already released mmap_lock, so those exits return without unlocking. */
#include <linux/mm.h>

int demo_fault_in(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	vm_fault_t fault;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	fault = handle_mm_fault(vma, addr,
				FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_REMOTE, NULL);
	if (fault & VM_FAULT_COMPLETED)
		return 0;
	if (fault & VM_FAULT_RETRY)
		return -EAGAIN;
	mmap_read_unlock(mm);
	if (fault & VM_FAULT_OOM)
		return -ENOMEM;
	if (fault & VM_FAULT_ERROR)
		return -EFAULT;
	return 0;
}
