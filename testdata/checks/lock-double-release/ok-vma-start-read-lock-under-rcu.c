/* Models 6.12 lock_vma_under_rcu(): vma_start_read() failure skips vma_end_read(); later validation failures drop the VMA read lock exactly once. */
#include <linux/mm.h>

extern struct vm_area_struct *demo_mas_walk(struct mm_struct *mm,
					    unsigned long address);

struct vm_area_struct *demo_lock_vma_under_rcu(struct mm_struct *mm,
					       unsigned long address)
{
	struct vm_area_struct *vma;

	rcu_read_lock();
	vma = demo_mas_walk(mm, address);
	if (!vma)
		goto inval;

	if (!vma_start_read(vma))
		goto inval;

	/* Detached while we were looking it up. */
	if (vma->detached) {
		vma_end_read(vma);
		goto inval;
	}

	/* The range may have changed before the lock was taken. */
	if (unlikely(address < vma->vm_start || address >= vma->vm_end))
		goto inval_end_read;

	rcu_read_unlock();
	return vma;

inval_end_read:
	vma_end_read(vma);
inval:
	rcu_read_unlock();
	return NULL;
}
