/* Models a pte access-flag update that spin_lock()s the ptl already taken by pte_offset_map_lock() (confusing it with the _nolock variant). */
#include <linux/mm.h>

int demo_mark_young(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte;
	pte_t entry;

	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	spin_lock(ptl);	/* expect: lock-double-acquire */
	entry = ptep_get(pte);
	if (pte_present(entry) && !pte_young(entry))
		ptep_set_access_flags(vma, addr, pte, pte_mkyoung(entry), 0);
	pte_unmap_unlock(pte, ptl);
	return 0;
}
