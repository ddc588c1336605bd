/* Models a pte-range scan (madvise_free_pte_range shape) that unlocks inside the loop on a break path and again after the loop. */
#include <linux/mm.h>

int demo_count_young(struct vm_area_struct *vma, pmd_t *pmd,
		     unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *start_pte, *pte;
	spinlock_t *ptl;
	int nr_young = 0;

	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!start_pte)
		return 0;
	for (; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);

		if (pte_none(ptent))
			continue;
		if (!pte_present(ptent)) {
			pte_unmap_unlock(start_pte, ptl);
			break;
		}
		if (pte_young(ptent))
			nr_young++;
	}
	pte_unmap_unlock(start_pte, ptl);	/* expect: lock-double-release */
	return nr_young;
}
