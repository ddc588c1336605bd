/* Models zap_pte_range(): entries are read and cleared under the lock, the TLB flush after pte_unmap_unlock(start_pte, ptl) uses only addresses and the cleared values. */
#include <linux/mm.h>

extern void demo_flush_one(struct vm_area_struct *vma, unsigned long addr, pte_t pte);

unsigned long demo_zap_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
				 unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long start = addr;
	spinlock_t *ptl;
	pte_t *start_pte, *pte;
	pte_t first = __pte(0);
	int force_flush = 0;

	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte)
		return addr;
	do {
		pte_t ptent = ptep_get(pte);
		struct folio *folio;

		if (pte_none(ptent))
			continue;
		ptent = ptep_get_and_clear(mm, addr, pte);
		if (addr == start)
			first = ptent;
		folio = vm_normal_folio(vma, addr, ptent);
		if (folio && pte_dirty(ptent)) {
			folio_mark_dirty(folio);
			force_flush = 1;
		}
	} while (pte++, addr += PAGE_SIZE, addr != end);
	pte_unmap_unlock(start_pte, ptl);

	if (force_flush)
		demo_flush_one(vma, start, first);
	return addr;
}
