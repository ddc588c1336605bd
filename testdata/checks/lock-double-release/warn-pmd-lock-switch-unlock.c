/* Models a huge-pmd operation dispatcher that drops the pmd_lock() ptl in one switch case and again at the common exit. */
#include <linux/mm.h>
#include <linux/huge_mm.h>

enum demo_pmd_action { DEMO_PMD_SKIP, DEMO_PMD_CHECK, DEMO_PMD_CLEAR };

int demo_pmd_action(struct vm_area_struct *vma, pmd_t *pmd,
		    unsigned long haddr, enum demo_pmd_action action)
{
	spinlock_t *ptl;
	int ret = 0;

	ptl = pmd_lock(vma->vm_mm, pmd);
	switch (action) {
	case DEMO_PMD_SKIP:
		spin_unlock(ptl);
		break;
	case DEMO_PMD_CHECK:
		if (!pmd_trans_huge(pmdp_get(pmd)))
			ret = -EAGAIN;
		break;
	case DEMO_PMD_CLEAR:
		set_pmd_at(vma->vm_mm, haddr, pmd, __pmd(0));
		break;
	}
	spin_unlock(ptl);	/* expect: lock-double-release */
	return ret;
}
