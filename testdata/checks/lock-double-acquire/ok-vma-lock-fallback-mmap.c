/* Models a per-VMA-lock attempt that falls back to mmap_read_lock() after lock_vma_under_rcu() failed or handle_mm_fault() dropped the VMA lock with RETRY. */
#include <linux/mm.h>

int demo_fault_once(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct vm_area_struct *vma;
	vm_fault_t fault;

	flags |= FAULT_FLAG_ALLOW_RETRY;
	vma = lock_vma_under_rcu(mm, addr);
	if (vma) {
		fault = handle_mm_fault(vma, addr, flags | FAULT_FLAG_VMA_LOCK, NULL);
		if (!(fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED)))
			vma_end_read(vma);
		if (!(fault & VM_FAULT_RETRY))
			return (fault & VM_FAULT_ERROR) ? -EFAULT : 0;
		flags |= FAULT_FLAG_TRIED;
	}

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	fault = handle_mm_fault(vma, addr, flags, NULL);
	if (fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED))
		return (fault & VM_FAULT_COMPLETED) ? 0 : -EAGAIN;
	mmap_read_unlock(mm);
	return (fault & VM_FAULT_ERROR) ? -EFAULT : 0;
}
