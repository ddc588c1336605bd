/* Models a do { } while (0) throttling macro containing might_sleep() invoked inside a pte loop under the pte lock. */
#include <linux/mm.h>

#define demo_throttle(nr) do {		\
	if ((nr) % 32 == 0)		\
		might_sleep();		\
} while (0)

int demo_age_ptes(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr,
		  unsigned long end)
{
	spinlock_t *ptl;
	pte_t *start_pte, *pte;
	int nr = 0;

	start_pte = pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!start_pte)
		return 0;
	for (; addr < end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);

		if (!pte_present(ptent) || !pte_young(ptent))
			continue;
		ptep_set_access_flags(vma, addr, pte, pte_mkold(ptent), 0);
		nr++;
		demo_throttle(nr);	/* expect: sleep-under-ptl */
	}
	pte_unmap_unlock(start_pte, ptl);
	return nr;
}
