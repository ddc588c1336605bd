/* Models a pte walker (madvise_free/pageout shape) that calls folio_lock() while holding the pte lock instead of folio_trylock(). */
#include <linux/mm.h>
#include <linux/pagemap.h>

int demo_clean_ptes(struct vm_area_struct *vma, pmd_t *pmd,
		    unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *start_pte, *pte;
	struct folio *folio;
	int cleaned = 0;

	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!start_pte)
		return 0;
	for (; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);

		if (!pte_present(ptent))
			continue;
		folio = vm_normal_folio(vma, addr, ptent);
		if (!folio || folio_test_large(folio))
			continue;
		folio_lock(folio);	/* expect: sleep-under-ptl */
		if (folio_test_dirty(folio))
			cleaned++;
		folio_unlock(folio);
	}
	pte_unmap_unlock(start_pte, ptl);
	return cleaned;
}
