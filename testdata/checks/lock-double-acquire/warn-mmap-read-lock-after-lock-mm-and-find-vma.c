/* Models an arch fault handler that calls mmap_read_lock() although lock_mm_and_find_vma() already returned with the read lock held. */
#include <linux/mm.h>
#include <linux/sched.h>

void demo_arch_fault(struct pt_regs *regs, unsigned long address,
		     unsigned int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	vma = lock_mm_and_find_vma(mm, address, regs);
	if (unlikely(!vma))
		return;
	mmap_read_lock(mm);	/* expect: lock-double-acquire */

	fault = handle_mm_fault(vma, address, flags | FAULT_FLAG_DEFAULT, regs);
	if (fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED))
		return;
	mmap_read_unlock(mm);
}
