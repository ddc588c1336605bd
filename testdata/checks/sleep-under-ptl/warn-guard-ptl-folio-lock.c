/* Models guard-based pmd code: folio_lock() inside scoped_guard(spinlock, ptl) on the pmd_lockptr() ptl. */
#include <linux/mm.h>
#include <linux/pagemap.h>

int demo_guard_lock_folio(struct mm_struct *mm, pmd_t *pmd, struct folio *folio)
{
	spinlock_t *ptl = pmd_lockptr(mm, pmd);
	int ret = 0;

	scoped_guard(spinlock, ptl) {
		if (!pmd_trans_huge(pmdp_get(pmd))) {
			ret = -EAGAIN;
		} else {
			folio_lock(folio);	/* expect: sleep-under-ptl */
			folio_mark_dirty(folio);
			folio_unlock(folio);
		}
	}
	return ret;
}
