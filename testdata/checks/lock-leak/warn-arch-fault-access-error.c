/* Models an arch fault handler whose write-access-error branch returns without mmap_read_unlock() (6.12 x86 drops it inside bad_area_access_error()). */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_report_bad_area(struct pt_regs *regs, unsigned long address);

void demo_user_fault(struct pt_regs *regs, unsigned long address,
		     unsigned int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	flags |= FAULT_FLAG_DEFAULT;
retry:
	vma = lock_mm_and_find_vma(mm, address, regs);
	if (unlikely(!vma)) {
		demo_report_bad_area(regs, address);
		return;
	}
	if (unlikely((flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_WRITE))) {
		demo_report_bad_area(regs, address);
		return;	/* expect: lock-leak */
	}

	fault = handle_mm_fault(vma, address, flags, regs);
	if (fault & VM_FAULT_COMPLETED)
		return;
	if (unlikely(fault & VM_FAULT_RETRY)) {
		flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	mmap_read_unlock(mm);
}
