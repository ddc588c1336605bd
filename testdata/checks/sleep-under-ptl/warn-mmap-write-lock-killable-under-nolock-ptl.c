/* Models a pte_offset_map_nolock() user that takes the reported ptl by hand and then calls mmap_write_lock_killable() before releasing it. */
#include <linux/mm.h>

int demo_collapse_recheck(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte;
	int ret = 0;

	pte = pte_offset_map_nolock(mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	spin_lock(ptl);
	if (!pte_none(ptep_get(pte))) {
		if (mmap_write_lock_killable(mm)) {	/* expect: sleep-under-ptl */
			ret = -EINTR;
		} else {
			ptep_get_and_clear(mm, addr, pte);
			mmap_write_unlock(mm);
		}
	}
	pte_unmap_unlock(pte, ptl);
	return ret;
}
