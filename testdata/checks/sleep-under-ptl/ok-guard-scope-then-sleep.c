/* Models scoped_guard(spinlock, ptl): sleeping calls after the guarded block are fine because the guard destructor dropped the ptl. */
#include <linux/mm.h>
#include <linux/pagemap.h>

int demo_guard_then_lock(struct mm_struct *mm, pmd_t *pmd, struct folio *folio)
{
	spinlock_t *ptl = pmd_lockptr(mm, pmd);
	bool huge;

	scoped_guard(spinlock, ptl)
		huge = pmd_trans_huge(pmdp_get(pmd));

	if (!huge)
		return -EAGAIN;
	folio_lock(folio);
	folio_mark_dirty(folio);
	folio_unlock(folio);
	cond_resched();
	return 0;
}
