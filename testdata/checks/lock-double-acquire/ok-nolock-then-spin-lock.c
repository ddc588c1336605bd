/* Models a pte_offset_map_nolock() recheck loop: the ptl is reported but not taken, spin_lock() is the first acquire, and the retry path unlocks before going round. */
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
	spin_lock(ptl);
	if (!pte_same(ptep_get(pte), orig)) {
		orig = ptep_get(pte);
		spin_unlock(ptl);
		goto again;
	}
	ptep_get_and_clear(mm, addr, pte);
	pte_unmap_unlock(pte, ptl);
	return 0;
}
