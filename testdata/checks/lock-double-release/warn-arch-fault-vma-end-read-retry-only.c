/* Models a 6.6+ arch VMA-lock fault path that only tests VM_FAULT_RETRY before vma_end_read(), missing that VM_FAULT_COMPLETED also released the VMA lock. */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_fault_mmap_path(struct pt_regs *regs, unsigned long address,
				 unsigned int flags);

void demo_fault_vma_retry_only(struct pt_regs *regs, unsigned long address,
			       unsigned int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	flags |= FAULT_FLAG_DEFAULT;
	vma = lock_vma_under_rcu(mm, address);
	if (!vma)
		goto lock_mmap;

	fault = handle_mm_fault(vma, address, flags | FAULT_FLAG_VMA_LOCK, regs);
	if (!(fault & VM_FAULT_RETRY))
		vma_end_read(vma);	/* expect: lock-double-release */

	if (!(fault & VM_FAULT_RETRY))
		return;
	if (fault & VM_FAULT_MAJOR)
		flags |= FAULT_FLAG_TRIED;
lock_mmap:
	demo_fault_mmap_path(regs, address, flags);
}
