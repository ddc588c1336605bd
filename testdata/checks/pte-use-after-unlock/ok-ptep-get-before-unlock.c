/* The entry is copied while the lock is held; only the copy is used after unlocking. */
#include <linux/mm.h>

int demo_check_pte(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	pte_t entry;

	if (!pte)
		return -EAGAIN;
	entry = ptep_get(pte);
	pte_unmap_unlock(pte, ptl);
	return pte_none(entry);
}
