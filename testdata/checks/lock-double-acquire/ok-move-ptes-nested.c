/* Models move_ptes() (6.12): old ptl from pte_offset_map_lock(), new ptl from pte_offset_map_nolock(), taken with spin_lock_nested() only when it differs from the old one. */
#include <linux/mm.h>

int demo_move_ptes(struct vm_area_struct *vma, pmd_t *old_pmd,
		   unsigned long old_addr, unsigned long old_end,
		   pmd_t *new_pmd, unsigned long new_addr)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *old_ptl, *new_ptl;
	pte_t *old_pte, *new_pte;
	pte_t pte;

	old_pte = pte_offset_map_lock(mm, old_pmd, old_addr, &old_ptl);
	if (!old_pte)
		return -EAGAIN;
	new_pte = pte_offset_map_nolock(mm, new_pmd, new_addr, &new_ptl);
	if (!new_pte) {
		pte_unmap_unlock(old_pte, old_ptl);
		return -EAGAIN;
	}
	if (new_ptl != old_ptl)
		spin_lock_nested(new_ptl, SINGLE_DEPTH_NESTING);

	for (; old_addr < old_end; old_pte++, old_addr += PAGE_SIZE,
				   new_pte++, new_addr += PAGE_SIZE) {
		if (pte_none(ptep_get(old_pte)))
			continue;
		pte = ptep_get_and_clear(mm, old_addr, old_pte);
		set_pte_at(mm, new_addr, new_pte, pte);
	}

	if (new_ptl != old_ptl)
		spin_unlock(new_ptl);
	pte_unmap(new_pte - 1);
	pte_unmap_unlock(old_pte - 1, old_ptl);
	return 0;
}
