/* Models the 6.4/6.5 x86 do_user_addr_fault() VMA-lock path: vma_end_read() right after handle_mm_fault(), even when it returned RETRY/COMPLETED. */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_fault_mmap_path(struct pt_regs *regs, unsigned long address,
				 unsigned int flags);

void demo_fault_vma_first(struct pt_regs *regs, unsigned long address,
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
		goto lock_mmap;
	}
	fault = handle_mm_fault(vma, address, flags | FAULT_FLAG_VMA_LOCK, regs);
	vma_end_read(vma);	/* expect: lock-double-release */

	if (!(fault & VM_FAULT_RETRY))
		return;
	flags |= FAULT_FLAG_TRIED;
lock_mmap:
	demo_fault_mmap_path(regs, address, flags);
}
