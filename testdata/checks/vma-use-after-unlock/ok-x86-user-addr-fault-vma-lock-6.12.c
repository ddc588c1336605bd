/* Models x86 do_user_addr_fault() (6.12): per-VMA-lock attempt, vma_end_read() only when handle_mm_fault() did not already drop the lock, then the lock_mm_and_find_vma() retry loop. */
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

#define VMA_LOCK_SUCCESS	0
#define VMA_LOCK_RETRY		1

extern bool demo_access_error(unsigned long error_code, struct vm_area_struct *vma);
extern void demo_bad_area_nosemaphore(struct pt_regs *regs, unsigned long error_code,
				      unsigned long address);
extern void demo_do_sigbus(struct pt_regs *regs, unsigned long error_code,
			   unsigned long address, vm_fault_t fault);
extern void count_vm_vma_lock_event(int event);

void demo_do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			     unsigned long address)
{
	struct mm_struct *mm = current->mm;
	unsigned int flags = FAULT_FLAG_DEFAULT;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	if (!(flags & FAULT_FLAG_USER))
		goto lock_mmap;

	vma = lock_vma_under_rcu(mm, address);
	if (!vma)
		goto lock_mmap;

	if (unlikely(demo_access_error(error_code, vma))) {
		vma_end_read(vma);
		demo_bad_area_nosemaphore(regs, error_code, address);
		return;
	}
	fault = handle_mm_fault(vma, address, flags | FAULT_FLAG_VMA_LOCK, regs);
	if (!(fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED)))
		vma_end_read(vma);

	if (!(fault & VM_FAULT_RETRY)) {
		count_vm_vma_lock_event(VMA_LOCK_SUCCESS);
		goto done;
	}
	count_vm_vma_lock_event(VMA_LOCK_RETRY);
	if (fault & VM_FAULT_MAJOR)
		flags |= FAULT_FLAG_TRIED;
	if (fault_signal_pending(fault, regs))
		return;

lock_mmap:
retry:
	vma = lock_mm_and_find_vma(mm, address, regs);
	if (unlikely(!vma)) {
		demo_bad_area_nosemaphore(regs, error_code, address);
		return;
	}
	if (unlikely(demo_access_error(error_code, vma))) {
		mmap_read_unlock(mm);
		demo_bad_area_nosemaphore(regs, error_code, address);
		return;
	}

	fault = handle_mm_fault(vma, address, flags, regs);
	if (fault_signal_pending(fault, regs))
		return;
	if (fault & VM_FAULT_COMPLETED)
		return;
	if (unlikely(fault & VM_FAULT_RETRY)) {
		flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	mmap_read_unlock(mm);
done:
	if (likely(!(fault & VM_FAULT_ERROR)))
		return;
	demo_do_sigbus(regs, error_code, address, fault);
}
