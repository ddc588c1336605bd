/* A walk loop that unlocks on an early break and then reads *pte for its summary. */
#include <linux/mm.h>

extern int demo_interesting(pte_t pte);

int demo_walk(struct mm_struct *mm, pmd_t *pmd, unsigned long addr, unsigned long end)
{
	spinlock_t *ptl;
	pte_t *start = pte_offset_map_lock(mm, pmd, addr, &ptl);
	pte_t *pte = start;
	int found = 0;

	if (!start)
		return 0;
	for (; addr < end; addr += PAGE_SIZE, pte++) {
		if (demo_interesting(ptep_get(pte))) {
			found = 1;
			break;
		}
	}
	pte_unmap_unlock(start, ptl);
	if (found)
		return demo_interesting(*start);	/* expect: pte-use-after-unlock */
	return 0;
}
