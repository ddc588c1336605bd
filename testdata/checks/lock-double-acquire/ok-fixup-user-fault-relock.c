/* Models fixup_user_fault() (6.12): called with mmap_read_lock held; after VM_FAULT_COMPLETED/RETRY the lock is gone, so re-taking it is not a double acquire. */
#include <linux/mm.h>
#include <linux/sched.h>

int demo_fixup_user_fault(struct mm_struct *mm, unsigned long address,
			  unsigned int fault_flags, bool *unlocked)
{
	struct vm_area_struct *vma;
	vm_fault_t ret;

	if (unlocked)
		fault_flags |= FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_KILLABLE;

retry:
	vma = vma_lookup(mm, address);
	if (!vma)
		return -EFAULT;
	if ((fault_flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_WRITE))
		return -EFAULT;
	if (fatal_signal_pending(current))
		return -EINTR;

	ret = handle_mm_fault(vma, address, fault_flags, NULL);

	if (ret & VM_FAULT_COMPLETED) {
		/* handle_mm_fault() released mmap_lock; retake it for the caller. */
		mmap_read_lock(mm);
		*unlocked = true;
		return 0;
	}
	if (ret & VM_FAULT_ERROR)
		return -EFAULT;
	if (ret & VM_FAULT_RETRY) {
		mmap_read_lock(mm);
		*unlocked = true;
		fault_flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	return 0;
}
