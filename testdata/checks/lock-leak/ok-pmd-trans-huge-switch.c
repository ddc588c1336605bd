/* Models a huge-pmd walker: pmd_trans_huge_lock() NULL returns early with nothing held; every switch case drops the ptl before returning. */
#include <linux/mm.h>
#include <linux/huge_mm.h>

enum demo_huge_op { DEMO_HUGE_COUNT, DEMO_HUGE_WRPROTECT, DEMO_HUGE_SKIP };

int demo_huge_op(pmd_t *pmd, unsigned long addr, struct vm_area_struct *vma,
		 enum demo_huge_op op)
{
	spinlock_t *ptl;
	pmd_t entry;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (!ptl)
		return 0;
	entry = pmdp_get(pmd);
	switch (op) {
	case DEMO_HUGE_COUNT:
		spin_unlock(ptl);
		return is_huge_zero_pmd(entry) ? 0 : HPAGE_PMD_NR;
	case DEMO_HUGE_WRPROTECT:
		if (pmd_write(entry))
			set_pmd_at(vma->vm_mm, addr, pmd, entry);
		spin_unlock(ptl);
		return 0;
	case DEMO_HUGE_SKIP:
	default:
		spin_unlock(ptl);
		return 0;
	}
}
