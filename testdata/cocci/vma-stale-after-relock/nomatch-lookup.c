/* After the lock was dropped the VMA is looked up again by address (the
 * madvise_dontneed_free() fix); a retry loop starts over with
 * lock_mm_and_find_vma(). */
static long zap_after_notify(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long start, unsigned long end)
{
	mmap_read_unlock(mm);
	notify_listeners(start, end);
	mmap_read_lock(mm);
	vma = vma_lookup(mm, start);
	if (!vma)
		return -ENOMEM;
	if (end > vma->vm_end)
		end = vma->vm_end;
	zap_range(vma, start, end - start);
	return 0;
}

static void fault_loop(struct mm_struct *mm, unsigned long address,
		       struct pt_regs *regs)
{
	struct vm_area_struct *vma;
	vm_fault_t fault;

retry:
	vma = lock_mm_and_find_vma(mm, address, regs);
	if (!vma)
		return;
	fault = do_fault_work(vma, address);
	if (fault == 1) {
		mmap_read_unlock(mm);
		wait_for_page();
		goto retry;
	}
	mmap_read_unlock(mm);
}
