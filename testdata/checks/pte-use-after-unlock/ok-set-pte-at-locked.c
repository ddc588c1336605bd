/* Every set_pte_at() happens under the PTE lock. */
#include <linux/mm.h>

int demo_install(struct mm_struct *mm, pmd_t *pmd, unsigned long addr, pte_t entry, int fail)
{
	spinlock_t *ptl;
	pte_t *pte = pte_alloc_map_lock(mm, pmd, addr, &ptl);

	if (!pte)
		return -ENOMEM;
	if (fail) {
		pte_unmap_unlock(pte, ptl);
		return -EBUSY;
	}
	set_pte_at(mm, addr, pte, entry);
	pte_unmap_unlock(pte, ptl);
	return 0;
}
