/* Models a pmd update whose do { } while (0) validation macro returns -EINVAL with the pmd_lock() ptl held, unlike the explicit -EINVAL exit. */
#include <linux/mm.h>

#define DEMO_CHECK_PMD_OR_RETURN(pmdval) do {		\
	if (unlikely(!pmd_present(pmdval)))		\
		return -EINVAL;				\
} while (0)

int demo_pmd_update(struct vm_area_struct *vma, pmd_t *pmd,
		    unsigned long haddr, pmd_t newval)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pmd_t old;

	ptl = pmd_lock(mm, pmd);
	old = pmdp_get(pmd);
	if (!pmd_trans_huge(old)) {
		spin_unlock(ptl);
		return -EINVAL;
	}
	DEMO_CHECK_PMD_OR_RETURN(newval);	/* expect: lock-leak */
	set_pmd_at(mm, haddr, pmd, newval);
	spin_unlock(ptl);
	return 0;
}
