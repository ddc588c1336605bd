/* Models helpers that release a lock their caller took (khugepaged's mmap_read_unlock hand-off, a ->fault path dropping the fault lock): no earlier release on the path, so silent. */
#include <linux/mm.h>

void demo_drop_for_alloc(struct mm_struct *mm, bool *mmap_locked)
{
	mmap_assert_locked(mm);
	mmap_read_unlock(mm);
	*mmap_locked = false;
}

void demo_drop_vma_lock(struct vm_area_struct *vma)
{
	vma_assert_locked(vma);
	vma_end_read(vma);
}

void demo_unlock_pte(pte_t *pte, spinlock_t *ptl)
{
	pte_unmap_unlock(pte, ptl);
}
