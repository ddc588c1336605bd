/* Models a lockless-read-then-update pte sequence: explicit spin_lock/spin_unlock of a pte_offset_map_nolock() ptl, then a scoped_guard(spinlock) that drops it once at scope end. */
#include <linux/mm.h>

int demo_guard_recheck(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte;
	pte_t old;
	int ret = -EAGAIN;

	pte = pte_offset_map_nolock(mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	spin_lock(ptl);
	old = ptep_get(pte);
	spin_unlock(ptl);

	if (!pte_present(old) || pte_young(old))
		goto out;

	scoped_guard(spinlock, ptl) {
		if (pte_same(ptep_get(pte), old)) {
			set_pte_at(mm, addr, pte, pte_mkyoung(old));
			ret = 0;
		}
	}
out:
	pte_unmap(pte);
	return ret;
}
