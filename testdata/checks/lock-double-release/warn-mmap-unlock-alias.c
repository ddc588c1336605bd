/* Models a khugepaged-style hand-off (caller holds mmap_read_lock): the early exit drops it via vma->vm_mm and the common exit drops it again via the local mm alias. */
#include <linux/mm.h>
#include <linux/huge_mm.h>

int demo_collapse_handoff(struct vm_area_struct *vma, unsigned long haddr,
			  bool *mmap_locked)
{
	struct mm_struct *mm = vma->vm_mm;
	int result = 0;

	mmap_assert_locked(mm);
	if (!thp_vma_suitable_order(vma, haddr, PMD_SHIFT - PAGE_SHIFT)) {
		mmap_read_unlock(vma->vm_mm);
		result = -EINVAL;
		goto out;
	}
	if (vma->anon_vma == NULL)
		result = -EAGAIN;
out:
	mmap_read_unlock(mm);	/* expect: lock-double-release */
	*mmap_locked = false;
	return result;
}
