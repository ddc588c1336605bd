/* Models a pte-range counter (mincore/smaps shape) that returns 0 from inside the locked loop, while the normal exit unlocks and also returns 0. */
#include <linux/mm.h>

int demo_count_present(struct vm_area_struct *vma, pmd_t *pmd,
		       unsigned long addr, unsigned long end,
		       unsigned long *count)
{
	spinlock_t *ptl;
	pte_t *start_pte, *pte;

	start_pte = pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!start_pte)
		return 0;
	for (; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);

		if (pte_none(ptent))
			continue;
		if (!pte_present(ptent))
			return 0;	/* expect: lock-leak */
		(*count)++;
	}
	pte_unmap_unlock(start_pte, ptl);
	return 0;
}
