/*
 * The alloc_swap_folio() shape with the unlock moved up: the scan of the
 * PTE table hands pte + index to a helper of this file after
 * pte_unmap_unlock(), so it reads a table that may be freed or changed.
 */
#include <linux/mm.h>

static bool demo_all_swap(pte_t *ptep, int nr)
{
	for (int i = 0; i < nr; i++)
		if (pte_present(ptep_get(ptep + i)))
			return false;
	return true;
}

int demo_pick_order(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr, int order)
{
	spinlock_t *ptl;
	pte_t *pte;

	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr & PMD_MASK, &ptl);
	if (!pte)
		return 0;
	pte_unmap_unlock(pte, ptl);
	while (order > 0) {
		if (demo_all_swap(pte + ((addr >> PAGE_SHIFT) & 511), 1 << order))	/* expect: pte-use-after-unlock */
			break;
		order--;
	}
	return order;
}
