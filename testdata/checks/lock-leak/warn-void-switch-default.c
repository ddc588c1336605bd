/* Models a void pte-update helper whose switch default returns with the pte lock held, while the CLEAR case and the normal exit unlock. */
#include <linux/mm.h>

enum demo_pte_op { DEMO_PTE_MKOLD, DEMO_PTE_WRPROTECT, DEMO_PTE_CLEAR };

void demo_pte_op(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr,
		 int op)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *pte, entry;

	pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte)
		return;
	entry = ptep_get(pte);
	switch (op) {
	case DEMO_PTE_MKOLD:
		entry = pte_mkold(entry);
		break;
	case DEMO_PTE_WRPROTECT:
		entry = pte_wrprotect(entry);
		break;
	case DEMO_PTE_CLEAR:
		ptep_get_and_clear(mm, addr, pte);
		pte_unmap_unlock(pte, ptl);
		return;
	default:
		WARN_ON_ONCE(1);
		return;	/* expect: lock-leak */
	}
	set_pte_at(mm, addr, pte, entry);
	pte_unmap_unlock(pte, ptl);
}
