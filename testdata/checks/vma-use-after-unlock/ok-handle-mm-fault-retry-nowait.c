/* Models an async page fault setup (FOLL_NOWAIT shape): with FAULT_FLAG_RETRY_NOWAIT, VM_FAULT_RETRY comes back with mmap_lock still held, so the vma may be used to queue the async fault. */
#include <linux/mm.h>

extern int demo_queue_async_fault(struct vm_area_struct *vma, unsigned long addr);

int demo_fault_nowait(struct vm_area_struct *vma, unsigned long address, bool write)
{
	unsigned int fault_flags = FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_RETRY_NOWAIT |
				   FAULT_FLAG_REMOTE;
	vm_fault_t ret;

	mmap_assert_locked(vma->vm_mm);
	if (write)
		fault_flags |= FAULT_FLAG_WRITE;

	ret = handle_mm_fault(vma, address, fault_flags, NULL);
	if (ret & VM_FAULT_COMPLETED)
		return -EAGAIN;		/* not expected with RETRY_NOWAIT; the lock is gone */
	if (ret & VM_FAULT_ERROR)
		return -EFAULT;
	if (ret & VM_FAULT_RETRY)
		/* RETRY_NOWAIT: mmap_lock was not released */
		return demo_queue_async_fault(vma, address);
	return 0;
}
