/* Models a function half-converted to guard(spinlock): the guard already holds the pmd ptl when a leftover spin_lock(ptl) runs. */
#include <linux/mm.h>

int demo_pmd_set_huge(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
		      pmd_t entry)
{
	spinlock_t *ptl = pmd_lockptr(mm, pmd);

	guard(spinlock)(ptl);
	if (!pmd_none(pmdp_get(pmd)))
		return -EBUSY;
	spin_lock(ptl);	/* expect: lock-double-acquire */
	set_pmd_at(mm, addr, pmd, entry);
	return 0;
}
