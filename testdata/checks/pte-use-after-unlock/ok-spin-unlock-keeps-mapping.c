/* khugepaged collapse_huge_page(): the PTE lock is dropped with spin_unlock() but the (detached) table stays mapped and is used. */
#include <linux/mm.h>

extern int demo_isolate(pte_t *pte);
extern int demo_copy(pte_t *pte);

int demo_collapse(struct mm_struct *mm, pmd_t *pmd, unsigned long address)
{
	spinlock_t *pte_ptl;
	pte_t *pte = pte_offset_map_lock(mm, pmd, address, &pte_ptl);
	int result = 0;

	if (pte) {
		result = demo_isolate(pte);
		spin_unlock(pte_ptl);
	}
	if (!pte)
		return -EAGAIN;
	result = demo_copy(pte);
	pte_unmap(pte);
	return result;
}
