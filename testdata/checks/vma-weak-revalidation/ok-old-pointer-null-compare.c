/* Models a retry path that tests the old vma pointer only against NULL after re-taking mmap_lock (to know whether there was a mapping) and then looks it up again. */
#include <linux/mm.h>

extern int demo_wait_io(unsigned long addr);

int demo_touch_user(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	int err;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	mmap_read_unlock(mm);

	err = demo_wait_io(addr);
	if (err)
		return err;

	mmap_read_lock(mm);
	if (vma != NULL) {
		vma = vma_lookup(mm, addr);
		if (!vma)
			err = -EFAULT;
		else if (!(vma->vm_flags & VM_READ))
			err = -EPERM;
	}
	mmap_read_unlock(mm);
	return err;
}
