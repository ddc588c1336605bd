/* A PTE read with ptep_get() after pte_unmap_unlock() (a zap/walk loop reading one entry too late). */
#include <linux/mm.h>

int demo_check_pte(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(mm, pmd, addr, &ptl);

	if (!pte)
		return -EAGAIN;
	pte_unmap_unlock(pte, ptl);
	if (pte_none(ptep_get(pte)))	/* expect: pte-use-after-unlock */
		return 0;
	return 1;
}
