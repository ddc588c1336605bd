/* Models a driver pinning loop that re-takes mmap_lock and keeps going only if vma_lookup() returns the same pointer as before, then uses the fresh pointer. */
#include <linux/mm.h>

extern int demo_wait_for_device(void);
extern int demo_map_range(struct vm_area_struct *vma, unsigned long addr);

int demo_map_user_range(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma, *cur;
	int ret;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	mmap_read_unlock(mm);

	ret = demo_wait_for_device();
	if (ret)
		return ret;

	mmap_read_lock(mm);
	cur = vma_lookup(mm, addr);
	if (cur != vma) {	/* expect: vma-weak-revalidation */
		mmap_read_unlock(mm);
		return -EAGAIN;
	}
	ret = demo_map_range(cur, addr);
	mmap_read_unlock(mm);
	return ret;
}
