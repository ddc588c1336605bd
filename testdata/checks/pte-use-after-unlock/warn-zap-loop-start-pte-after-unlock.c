/* Models a zap_pte_range()-style loop: after pte_unmap_unlock(start_pte, ptl) a "force flush" path reads the first entry again through start_pte. */
#include <linux/mm.h>

extern void demo_free_folio(struct folio *folio);
extern void demo_flush_one(struct vm_area_struct *vma, unsigned long addr, pte_t pte);

unsigned long demo_zap_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
				 unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long start = addr;
	spinlock_t *ptl;
	pte_t *start_pte, *pte;
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
		folio = vm_normal_folio(vma, addr, ptent);
		if (folio && pte_dirty(ptent)) {
			folio_mark_dirty(folio);
			force_flush = 1;
		}
	} while (pte++, addr += PAGE_SIZE, addr != end);
	pte_unmap_unlock(start_pte, ptl);

	if (force_flush)
		demo_flush_one(vma, start, ptep_get(start_pte));	/* expect: pte-use-after-unlock */
	return addr;
}
