/* Models a walk_page_range() pmd_entry callback: pmd_trans_huge_lock() NULL means nothing is locked; the huge branch unlocks on each exit, the pte level uses pte_offset_map_lock(). */
#include <linux/mm.h>
#include <linux/huge_mm.h>

int demo_young_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long end,
			 struct vm_area_struct *vma)
{
	spinlock_t *ptl;
	pte_t *start_pte, *pte;
	int young = 0;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (ptl) {
		pmd_t orig = pmdp_get(pmd);

		if (is_huge_zero_pmd(orig)) {
			spin_unlock(ptl);
			return 0;
		}
		young = pmd_write(orig) ? HPAGE_PMD_NR : 0;
		spin_unlock(ptl);
		return young;
	}

	start_pte = pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!start_pte)
		return 0;
	for (; addr < end; pte++, addr += PAGE_SIZE) {
		if (pte_young(ptep_get(pte)))
			young++;
	}
	pte_unmap_unlock(start_pte, ptl);
	return young;
}
