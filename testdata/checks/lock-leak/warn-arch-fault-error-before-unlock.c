/* Models an arch fault handler that reports VM_FAULT_ERROR and returns before mmap_read_unlock() (handle_mm_fault() only released the lock for RETRY/COMPLETED). */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_fault_error(struct pt_regs *regs, unsigned long address,
			     vm_fault_t fault);

void demo_do_page_fault(struct pt_regs *regs, unsigned long address,
			unsigned int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	flags |= FAULT_FLAG_DEFAULT;
retry:
	vma = lock_mm_and_find_vma(mm, address, regs);
	if (unlikely(!vma))
		return;

	fault = handle_mm_fault(vma, address, flags, regs);
	if (fault & VM_FAULT_COMPLETED)
		return;
	if (unlikely(fault & VM_FAULT_RETRY)) {
		flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	if (unlikely(fault & VM_FAULT_ERROR)) {
		demo_fault_error(regs, address, fault);
		return;	/* expect: lock-leak */
	}
	mmap_read_unlock(mm);
}
