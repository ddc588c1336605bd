/* Models a pte installer using a statement-expression helper macro that unlocks and yields an error, followed by the common pte_unmap_unlock(). */
#include <linux/mm.h>

#define demo_unlock_err(pte, ptl, err) ({	\
	pte_unmap_unlock(pte, ptl);		\
	(err);					\
})

int demo_install_pte(struct vm_area_struct *vma, pmd_t *pmd,
		     unsigned long addr, struct page *page)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *pte;
	int err = 0;

	pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	if (!pte_none(ptep_get(pte)))
		err = demo_unlock_err(pte, ptl, -EBUSY);
	else
		set_pte_at(mm, addr, pte, mk_pte(page, vma->vm_page_prot));
	pte_unmap_unlock(pte, ptl);	/* expect: lock-double-release */
	return err;
}
