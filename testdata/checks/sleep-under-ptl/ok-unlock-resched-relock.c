/* Models zap_pte_range()-style batching: on need_resched() break out, drop the pte lock, cond_resched(), then re-take it with pte_offset_map_lock(). */
#include <linux/mm.h>

unsigned long demo_zap_range(struct vm_area_struct *vma, pmd_t *pmd,
			     unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *start_pte, *pte;

again:
	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte)
		return addr;
	do {
		pte_t ptent = ptep_get(pte);

		if (pte_none(ptent))
			continue;
		ptep_get_and_clear(mm, addr, pte);
		if (need_resched()) {
			addr += PAGE_SIZE;
			break;
		}
	} while (pte++, addr += PAGE_SIZE, addr != end);
	pte_unmap_unlock(start_pte, ptl);

	if (addr != end) {
		cond_resched();
		goto again;
	}
	return addr;
}
