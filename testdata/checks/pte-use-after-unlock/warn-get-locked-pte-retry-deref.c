/* Models an insert_pfn()-style caller whose -EBUSY path dereferences the get_locked_pte() result after pte_unmap_unlock(). */
#include <linux/mm.h>

int demo_insert_pfn(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn, bool mkwrite)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *pte;
	pte_t entry;

	pte = get_locked_pte(mm, addr, &ptl);
	if (!pte)
		return -ENOMEM;
	entry = ptep_get(pte);
	if (!pte_none(entry)) {
		pte_unmap_unlock(pte, ptl);
		if (mkwrite && pte_pfn(*pte) == pfn)	/* expect: pte-use-after-unlock */
			return 0;
		return -EBUSY;
	}
	set_pte_at(mm, addr, pte, pfn_pte(pfn, vma->vm_page_prot));
	pte_unmap_unlock(pte, ptl);
	return 0;
}
