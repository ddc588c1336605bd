/* Models "if (!pte) goto out" after pte_offset_map_lock(): the NULL path holds no ptl, so the cond_resched() at out is fine. */
#include <linux/mm.h>

int demo_scan_one(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte;
	int ret = -EAGAIN;

	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!pte)
		goto out;
	if (pte_present(ptep_get(pte)))
		ret = 0;
	pte_unmap_unlock(pte, ptl);
out:
	cond_resched();
	return ret;
}
