/*
 * alloc_swap_folio() as in 6.12: pte + index is handed to the scan helper
 * while the PTL is held, and unlocked after the loop.
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
	while (order > 0) {
		if (demo_all_swap(pte + ((addr >> PAGE_SHIFT) & 511), 1 << order))
			break;
		order--;
	}
	pte_unmap_unlock(pte, ptl);
	return order;
}
