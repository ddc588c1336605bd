/* Models an arch do_page_fault() mmap_lock path with a bug: after handle_mm_fault() returned VM_FAULT_COMPLETED (mmap_lock already dropped) it still checks vma->vm_flags to flush the icache. */
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

extern void demo_flush_icache_page(unsigned long address);
extern void demo_bad_area_nosemaphore(struct pt_regs *regs, unsigned long address);

void demo_do_page_fault(struct pt_regs *regs, unsigned long address, bool write)
{
	struct mm_struct *mm = current->mm;
	unsigned int flags = FAULT_FLAG_DEFAULT;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	if (write)
		flags |= FAULT_FLAG_WRITE;
retry:
	vma = lock_mm_and_find_vma(mm, address, regs);
	if (unlikely(!vma)) {
		demo_bad_area_nosemaphore(regs, address);
		return;
	}

	fault = handle_mm_fault(vma, address, flags, regs);
	if (fault_signal_pending(fault, regs))
		return;
	if (fault & VM_FAULT_COMPLETED) {
		if (vma->vm_flags & VM_EXEC)	/* expect: vma-use-after-unlock */
			demo_flush_icache_page(address);
		return;
	}
	if (unlikely(fault & VM_FAULT_RETRY)) {
		flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	if (vma->vm_flags & VM_EXEC)
		demo_flush_icache_page(address);
	mmap_read_unlock(mm);
}
