/* Models a check after re-taking mmap_lock that the whole range lies in one VMA by comparing two lookups made under the new lock. */
#include <linux/mm.h>

extern int demo_wait_for_device(void);
extern int demo_map_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);

int demo_map_user_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma, *last;
	int ret;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, start);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	mmap_read_unlock(mm);

	ret = demo_wait_for_device();
	if (ret)
		return ret;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, start);
	last = vma_lookup(mm, end - 1);
	if (!vma || last != vma) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	ret = demo_map_range(vma, start, end);
	mmap_read_unlock(mm);
	return ret;
}
