/* Models the 6.12 x86 VMA-lock fast path with the access-error exit missing vma_end_read() (void function). */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_report_bad_area(struct pt_regs *regs, unsigned long address);

void demo_vma_lock_fault(struct pt_regs *regs, unsigned long address,
			 unsigned int flags, bool *need_mmap)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	*need_mmap = true;
	vma = lock_vma_under_rcu(mm, address);
	if (!vma)
		return;

	if (unlikely(!(vma->vm_flags & VM_READ))) {
		*need_mmap = false;
		demo_report_bad_area(regs, address);
		return;	/* expect: lock-leak */
	}
	fault = handle_mm_fault(vma, address, flags | FAULT_FLAG_VMA_LOCK, regs);
	if (!(fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED)))
		vma_end_read(vma);
	if (!(fault & VM_FAULT_RETRY))
		*need_mmap = false;
	return;
}
