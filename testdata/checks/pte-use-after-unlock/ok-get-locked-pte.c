/* insert_page()-style get_locked_pte() user: every access under the lock. */
#include <linux/mm.h>

int demo_insert(struct mm_struct *mm, unsigned long addr, pte_t entry)
{
	spinlock_t *ptl;
	pte_t *pte = get_locked_pte(mm, addr, &ptl);
	int ret = -EBUSY;

	if (!pte)
		return -ENOMEM;
	if (pte_none(ptep_get(pte))) {
		set_pte_at(mm, addr, pte, entry);
		ret = 0;
	}
	pte_unmap_unlock(pte, ptl);
	return ret;
}
