/* Models madvise_cold_or_pageout_pte_range() (6.12): the huge branch uses pmd_trans_huge_lock() (NULL = not locked), unlocks before splitting, and the same ptl variable is reused by pte_offset_map_lock(). */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/pagemap.h>

int demo_cold_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long end,
			struct vm_area_struct *vma)
{
	unsigned long next = pmd_addr_end(addr, end);
	spinlock_t *ptl;
	pte_t *start_pte, *pte;
	struct folio *folio;
	int err;

	if (pmd_trans_huge(pmdp_get(pmd))) {
		ptl = pmd_trans_huge_lock(pmd, vma);
		if (!ptl)
			return 0;
		folio = vm_normal_folio_pmd(vma, addr, pmdp_get(pmd));
		if (!folio || folio_mapcount(folio) != 1) {
			spin_unlock(ptl);
			return 0;
		}
		if (next - addr == PMD_SIZE) {
			spin_unlock(ptl);
			return 0;
		}
		folio_get(folio);
		spin_unlock(ptl);
		folio_lock(folio);
		err = split_folio(folio);
		folio_unlock(folio);
		folio_put(folio);
		if (err)
			return 0;
	}

	start_pte = pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!start_pte)
		return 0;
	for (; addr < end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);

		if (!pte_present(ptent))
			continue;
		if (pte_young(ptent))
			ptep_set_access_flags(vma, addr, pte, pte_mkold(ptent), 0);
	}
	pte_unmap_unlock(start_pte, ptl);
	return 0;
}
