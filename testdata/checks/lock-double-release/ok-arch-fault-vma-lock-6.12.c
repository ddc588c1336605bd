/* Models the 6.6+ x86 do_user_addr_fault(): VMA-lock attempt with the RETRY|COMPLETED-conditional vma_end_read(), then the mmap_lock retry loop. */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_bad_area(struct pt_regs *regs, unsigned long address);
extern void demo_fault_error(struct pt_regs *regs, unsigned long address,
			     vm_fault_t fault);

void demo_user_addr_fault(struct pt_regs *regs, unsigned long address,
			  unsigned int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	flags |= FAULT_FLAG_DEFAULT;
	if (!(flags & FAULT_FLAG_USER))
		goto lock_mmap;

	vma = lock_vma_under_rcu(mm, address);
	if (!vma)
		goto lock_mmap;

	if (unlikely(!(vma->vm_flags & VM_READ))) {
		vma_end_read(vma);
		demo_bad_area(regs, address);
		return;
	}
	fault = handle_mm_fault(vma, address, flags | FAULT_FLAG_VMA_LOCK, regs);
	if (!(fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED)))
		vma_end_read(vma);

	if (!(fault & VM_FAULT_RETRY))
		goto done;
	if (fault & VM_FAULT_MAJOR)
		flags |= FAULT_FLAG_TRIED;

	/* RETRY already dropped the VMA lock; bail out on a fatal signal. */
	if (fatal_signal_pending(current))
		return;
lock_mmap:
retry:
	vma = lock_mm_and_find_vma(mm, address, regs);
	if (unlikely(!vma)) {
		demo_bad_area(regs, address);
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
done:
	if (unlikely(fault & VM_FAULT_ERROR))
		demo_fault_error(regs, address, fault);
}
