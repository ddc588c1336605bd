/* Models a pmd_entry callback: pmd_trans_huge_lock() NULL holds nothing (may sleep); the split path drops the ptl before folio_lock(). */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/pagemap.h>

int demo_split_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next,
			 struct vm_area_struct *vma)
{
	spinlock_t *ptl;
	struct folio *folio;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (!ptl) {
		cond_resched();
		return 0;
	}
	folio = vm_normal_folio_pmd(vma, addr, pmdp_get(pmd));
	if (!folio || next - addr == PMD_SIZE) {
		spin_unlock(ptl);
		return 0;
	}
	folio_get(folio);
	spin_unlock(ptl);

	folio_lock(folio);
	split_folio(folio);
	folio_unlock(folio);
	folio_put(folio);
	return 0;
}
