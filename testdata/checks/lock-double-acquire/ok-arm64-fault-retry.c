/* Models the arm64 do_page_fault() retry loop: lock_mm_and_find_vma() is called again only after handle_mm_fault() released the lock with VM_FAULT_RETRY. */
#include <linux/mm.h>
#include <linux/sched.h>

int demo_do_page_fault(unsigned long far, unsigned long esr,
		       struct pt_regs *regs)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned int mm_flags = FAULT_FLAG_DEFAULT;
	vm_fault_t fault;

	if (user_mode(regs))
		mm_flags |= FAULT_FLAG_USER;
	if (esr & 0x40)
		mm_flags |= FAULT_FLAG_WRITE;
retry:
	vma = lock_mm_and_find_vma(mm, far, regs);
	if (unlikely(!vma))
		return -EFAULT;

	fault = handle_mm_fault(vma, far, mm_flags, regs);
	/* COMPLETED: handled, and mmap_lock already dropped. */
	if (fault & VM_FAULT_COMPLETED)
		return 0;
	if (fault & VM_FAULT_RETRY) {
		if (fatal_signal_pending(current))
			return 0;
		mm_flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	mmap_read_unlock(mm);

	if (likely(!(fault & VM_FAULT_ERROR)))
		return 0;
	return -EFAULT;
}
