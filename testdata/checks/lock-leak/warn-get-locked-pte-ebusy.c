/* Models an insert_page()-style installer: the present-pte exit returns -EBUSY without pte_unmap_unlock() while the swap-entry exit unlocks and returns -EBUSY. */
#include <linux/mm.h>

int demo_insert_page(struct vm_area_struct *vma, unsigned long addr,
		     struct page *page)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *pte, entry;

	pte = get_locked_pte(mm, addr, &ptl);
	if (!pte)
		return -ENOMEM;
	entry = ptep_get(pte);
	if (pte_present(entry))
		return -EBUSY;	/* expect: lock-leak */
	if (!pte_none(entry)) {
		pte_unmap_unlock(pte, ptl);
		return -EBUSY;
	}
	get_page(page);
	set_pte_at(mm, addr, pte, mk_pte(page, vma->vm_page_prot));
	pte_unmap_unlock(pte, ptl);
	return 0;
}
