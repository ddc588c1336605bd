/* Models an madvise/mlock-style syscall whose mmap_write_lock_killable() failure jumps to the unlock label of the error ladder. */
#include <linux/mm.h>
#include <linux/slab.h>

long demo_lock_range(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma;
	unsigned long end = start + len;
	unsigned long *buf;
	long ret;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	if (mmap_write_lock_killable(mm)) {
		ret = -EINTR;
		goto out_unlock;
	}

	vma = find_vma_intersection(mm, start, end);
	if (!vma) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	vm_flags_set(vma, VM_LOCKED);
	ret = 0;
out_unlock:
	mmap_write_unlock(mm);	/* expect: lock-double-release */
	kfree(buf);
	return ret;
}
