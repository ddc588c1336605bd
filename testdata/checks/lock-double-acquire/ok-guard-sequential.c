/* Models guard-based pmd code: two consecutive scoped_guard(spinlock, ptl) sections on the same ptl; the first is released before the second begins. */
#include <linux/mm.h>

int demo_two_phase(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl = pmd_lockptr(mm, pmd);
	pmd_t old;
	int ret = 0;

	scoped_guard(spinlock, ptl)
		old = pmdp_get(pmd);

	if (!pmd_trans_huge(old))
		return -EAGAIN;

	scoped_guard(spinlock, ptl) {
		if (pmd_same(pmdp_get(pmd), old))
			set_pmd_at(mm, addr, pmd, old);
		else
			ret = -EAGAIN;
	}
	return ret;
}
