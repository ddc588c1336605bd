/* Models a pte_offset_map_nolock() user (retract/collapse shape) whose recheck loop jumps back to spin_lock(ptl) without unlocking first. */
#include <linux/mm.h>

int demo_clear_if_unchanged(struct mm_struct *mm, pmd_t *pmd,
			    unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte;
	pte_t orig;

	pte = pte_offset_map_nolock(mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	orig = ptep_get(pte);
again:
	spin_lock(ptl);	/* expect: lock-double-acquire */
	if (!pte_same(ptep_get(pte), orig)) {
		orig = ptep_get(pte);
		goto again;
	}
	ptep_get_and_clear(mm, addr, pte);
	pte_unmap_unlock(pte, ptl);
	return 0;
}
