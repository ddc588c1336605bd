/* Models an arch page-fault handler (6.12 x86/arm64 shape): after VM_FAULT_RETRY the handler goes back to lock_mm_and_find_vma(), whose result contains the address, and reads vm_flags. */
#include <linux/mm.h>

void demo_do_user_addr_fault(struct pt_regs *regs, unsigned long address, bool write)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned int flags = FAULT_FLAG_DEFAULT;
	vm_fault_t fault;

	if (write)
		flags |= FAULT_FLAG_WRITE;
retry:
	vma = lock_mm_and_find_vma(mm, address, regs);
	if (!vma)
		return;
	if (write && !(vma->vm_flags & VM_WRITE)) {
		mmap_read_unlock(mm);
		return;
	}
	fault = handle_mm_fault(vma, address, flags, regs);
	if (fault & VM_FAULT_COMPLETED)
		return;
	if (fault & VM_FAULT_RETRY) {
		flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	mmap_read_unlock(mm);
}
