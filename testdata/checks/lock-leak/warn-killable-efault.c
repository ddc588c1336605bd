/* Models an access_remote_vm()-style peek: after mmap_read_lock_killable() succeeds, the no-vma exit returns -EFAULT with the lock held while the no-permission exit unlocks first. */
#include <linux/mm.h>

int demo_peek_remote(struct mm_struct *mm, unsigned long addr,
		     unsigned long *val)
{
	struct vm_area_struct *vma;

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	vma = vma_lookup(mm, addr);
	if (!vma)
		return -EFAULT;	/* expect: lock-leak */
	if (!(vma->vm_flags & VM_READ)) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	*val = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	mmap_read_unlock(mm);
	return 0;
}
