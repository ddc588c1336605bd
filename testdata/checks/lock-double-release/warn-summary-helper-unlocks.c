/* A same-file helper drops mmap_lock on its error path (like __bad_area()); the caller unlocks again. */
#include <linux/mm.h>

static void demo_bad_area(struct mm_struct *mm, unsigned long address)
{
	mmap_read_unlock(mm);
}

int demo_fault(struct mm_struct *mm, unsigned long address)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, address);
	if (!vma) {
		demo_bad_area(mm, address);
		mmap_read_unlock(mm);	/* expect: lock-double-release */
		return -EFAULT;
	}
	mmap_read_unlock(mm);
	return 0;
}
