/* Models pmd_lockptr(): it only names the ptl without taking it, so folio_lock() before spin_lock() is fine; the pmd is rechecked under the lock. */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/pagemap.h>

int demo_remap_huge(struct mm_struct *mm, pmd_t *pmd, unsigned long haddr,
		    struct folio *folio, pmd_t newpmd)
{
	spinlock_t *ptl = pmd_lockptr(mm, pmd);
	pmd_t orig = pmdp_get_lockless(pmd);
	int ret = 0;

	folio_lock(folio);
	spin_lock(ptl);
	if (pmd_same(pmdp_get(pmd), orig))
		set_pmd_at(mm, haddr, pmd, newpmd);
	else
		ret = -EAGAIN;
	spin_unlock(ptl);
	folio_unlock(folio);
	return ret;
}
