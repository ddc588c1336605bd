/* Models a pmd_entry walker whose huge-zero-pmd exit returns 0 without spin_unlock() of the pmd_trans_huge_lock() ptl. */
#include <linux/mm.h>
#include <linux/huge_mm.h>

int demo_huge_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next,
			struct vm_area_struct *vma, unsigned long *nr)
{
	spinlock_t *ptl;
	pmd_t entry;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (!ptl)
		return 0;
	entry = pmdp_get(pmd);
	if (is_huge_zero_pmd(entry))
		return 0;	/* expect: lock-leak */
	if (pmd_write(entry))
		*nr += HPAGE_PMD_NR;
	spin_unlock(ptl);
	return 0;
}
