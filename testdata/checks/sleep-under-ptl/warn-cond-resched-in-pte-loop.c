/* Models a long write-protect pte loop that calls cond_resched() without first dropping the pte lock (change_pte_range/zap_pte_range unlock first). */
#include <linux/mm.h>

unsigned long demo_wrprotect_range(struct vm_area_struct *vma, pmd_t *pmd,
				   unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *start_pte, *pte;
	unsigned long pages = 0;
	int nr = 0;

	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte)
		return 0;
	do {
		pte_t ptent = ptep_get(pte);

		if (pte_present(ptent) && pte_write(ptent)) {
			set_pte_at(mm, addr, pte, pte_wrprotect(ptent));
			pages++;
		}
		if (++nr % 64 == 0)
			cond_resched();	/* expect: sleep-under-ptl */
	} while (pte++, addr += PAGE_SIZE, addr != end);
	pte_unmap_unlock(start_pte, ptl);
	return pages;
}
