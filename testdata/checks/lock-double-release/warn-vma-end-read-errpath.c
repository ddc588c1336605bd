/* Models a per-VMA-lock fast path (lock_vma_under_rcu user) whose range-error branch drops the VMA read lock and then jumps to a label that drops it again. */
#include <linux/mm.h>

long demo_vma_fast_op(struct mm_struct *mm, unsigned long addr,
		      unsigned long len)
{
	struct vm_area_struct *vma;
	long ret;

	vma = lock_vma_under_rcu(mm, addr);
	if (!vma)
		return -EAGAIN;

	if (addr + len > vma->vm_end) {
		vma_end_read(vma);
		ret = -EINVAL;
		goto out;
	}
	if (!vma_is_anonymous(vma)) {
		ret = -EINVAL;
		goto out;
	}
	ret = len >> PAGE_SHIFT;
out:
	vma_end_read(vma);	/* expect: lock-double-release */
	return ret;
}
