/* Models madvise_cold_or_pageout_pte_range(): to split a large folio the walk does pte_unmap_unlock(start_pte, ptl), clears start_pte, splits, then maps and locks the table again. */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/pagemap.h>

extern void demo_deactivate(struct folio *folio);

int demo_cold_pte_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *start_pte, *pte;
	pte_t ptent;
	struct folio *folio;
	int err;

restart:
	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!start_pte)
		return 0;
	for (; addr < end; pte++, addr += PAGE_SIZE) {
		ptent = ptep_get(pte);
		if (!pte_present(ptent))
			continue;
		folio = vm_normal_folio(vma, addr, ptent);
		if (!folio)
			continue;
		if (folio_test_large(folio)) {
			if (!folio_trylock(folio))
				continue;
			folio_get(folio);
			pte_unmap_unlock(start_pte, ptl);
			start_pte = NULL;
			err = split_folio(folio);
			folio_unlock(folio);
			folio_put(folio);
			if (err)
				return 0;
			goto restart;
		}
		demo_deactivate(folio);
	}
	if (start_pte)
		pte_unmap_unlock(start_pte, ptl);
	return 0;
}
