/* Models guard(spinlock) on a pmd ptl with early returns: the cleanup destructor drops the lock on every exit. */
#include <linux/mm.h>

int demo_guard_pmd(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
		   pmd_t entry)
{
	spinlock_t *ptl = pmd_lockptr(mm, pmd);

	guard(spinlock)(ptl);
	if (!pmd_none(pmdp_get(pmd)))
		return -EBUSY;
	if (!pmd_present(entry))
		return -EINVAL;
	set_pmd_at(mm, addr, pmd, entry);
	return 0;
}
