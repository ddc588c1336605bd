/* Models a pmd table-install path that re-takes pmd_lock() on the same pmd in its "already populated" branch instead of reusing the held ptl. */
#include <linux/mm.h>
#include <linux/huge_mm.h>

int demo_pmd_install(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
		     pgtable_t new)
{
	spinlock_t *ptl;
	int ret = 0;

	ptl = pmd_lock(mm, pmd);
	if (likely(pmd_none(pmdp_get(pmd)))) {
		set_pmd_at(mm, addr, pmd,
			   __pmd(page_to_pfn(new) << PAGE_SHIFT));
	} else if (pmd_trans_huge(pmdp_get(pmd))) {
		ptl = pmd_lock(mm, pmd);	/* expect: lock-double-acquire */
		ret = -EEXIST;
	}
	spin_unlock(ptl);
	return ret;
}
