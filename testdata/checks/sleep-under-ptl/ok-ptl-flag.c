/* Models code that records whether it holds the ptl in a bool and sleeps only on the path where it does not. */
#include <linux/mm.h>

int demo_maybe_atomic(struct vm_area_struct *vma, pmd_t *pmd,
		      unsigned long addr, bool atomic)
{
	spinlock_t *ptl = NULL;
	pte_t *pte = NULL;
	bool ptl_locked = false;
	int ret = 0;

	if (atomic) {
		pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
		if (!pte)
			return -EAGAIN;
		ptl_locked = true;
	}
	if (!ptl_locked)
		cond_resched();
	if (ptl_locked && !pte_present(ptep_get(pte)))
		ret = -ENOENT;
	if (ptl_locked)
		pte_unmap_unlock(pte, ptl);
	return ret;
}
