/* Models a fault-retry style loop: mmap_read_lock_killable() re-takes the lock and the old vma is compared with a fresh find_vma() (old pointer on the left). */
#include <linux/mm.h>

extern int demo_wait_io(unsigned long addr);

int demo_touch_user(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	int err;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	mmap_read_unlock(mm);

	err = demo_wait_io(addr);
	if (err)
		return err;

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	if (vma != find_vma(mm, addr))	/* expect: vma-weak-revalidation */
		err = -EAGAIN;
	mmap_read_unlock(mm);
	return err;
}
