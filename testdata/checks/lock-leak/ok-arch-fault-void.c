/* Models the x86 do_user_addr_fault() mmap_lock section (6.12): every void exit has either unlocked or had the lock released by handle_mm_fault(). */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_bad_area_nosemaphore(struct pt_regs *regs,
				      unsigned long address);
extern void demo_fault_error(struct pt_regs *regs, unsigned long address,
			     vm_fault_t fault);

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
		demo_bad_area_nosemaphore(regs, address);
		return;
	}
	if (unlikely((flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_WRITE))) {
		mmap_read_unlock(mm);
		demo_bad_area_nosemaphore(regs, address);
		return;
	}

	fault = handle_mm_fault(vma, address, flags, regs);
	if ((fault & VM_FAULT_RETRY) && fatal_signal_pending(current))
		return;
	/* COMPLETED: handled, and mmap_lock already dropped. */
	if (fault & VM_FAULT_COMPLETED)
		return;
	if (unlikely(fault & VM_FAULT_RETRY)) {
		flags |= FAULT_FLAG_TRIED;
		goto retry;
	}

	mmap_read_unlock(mm);
	if (likely(!(fault & VM_FAULT_ERROR)))
		return;
	demo_fault_error(regs, address, fault);
}
