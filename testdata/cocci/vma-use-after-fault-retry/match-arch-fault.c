/* An arch page fault handler that touches the VMA after the fault was
 * retried: the per-VMA lock and then mmap_lock are already gone. */
void arch_do_page_fault(struct pt_regs *regs, unsigned long address,
			unsigned int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	vma = lock_vma_under_rcu(mm, address);
	if (!vma)
		goto lock_mmap;
	fault = handle_mm_fault(vma, address, flags | FAULT_FLAG_VMA_LOCK, regs);
	if (!(fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED)))
		vma_end_read(vma);
	if (!(fault & VM_FAULT_RETRY))
		goto done;
	if (vma->vm_flags & VM_GROWSDOWN)
		flags |= FAULT_FLAG_TRIED;
lock_mmap:
retry:
	vma = lock_mm_and_find_vma(mm, address, regs);
	if (!vma)
		return;
	fault = handle_mm_fault(vma, address, flags, regs);
	if (fault_signal_pending(fault, regs))
		return;
	if (fault & VM_FAULT_COMPLETED)
		return;
	if (unlikely(fault & VM_FAULT_RETRY)) {
		flags |= FAULT_FLAG_TRIED;
		trace_fault_retry(vma->vm_start, address);
		goto retry;
	}
	mmap_read_unlock(mm);
done:
	return;
}

/* Only VM_FAULT_RETRY is excluded: after VM_FAULT_COMPLETED the per-VMA
 * lock is gone as well, and vma_end_read() unlocks it a second time. */
void arch_do_page_fault_completed(struct pt_regs *regs, unsigned long address,
				  unsigned int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	vma = lock_vma_under_rcu(mm, address);
	if (!vma)
		return;
	fault = handle_mm_fault(vma, address, flags | FAULT_FLAG_VMA_LOCK, regs);
	if (!(fault & VM_FAULT_RETRY))
		vma_end_read(vma);
}
