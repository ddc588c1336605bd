/* Models a change_pte_range()-style helper whose debug/report path passes the PTE pointer to another function after pte_unmap_unlock(). */
#include <linux/mm.h>

extern void demo_report_bad_pte(struct vm_area_struct *vma, unsigned long addr, pte_t *pte);

int demo_change_one(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr, pgprot_t prot)
{
	spinlock_t *ptl;
	pte_t *pte;
	pte_t old;
	int bad = 0;

	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	old = ptep_get(pte);
	if (pte_present(old))
		set_pte_at(vma->vm_mm, addr, pte, pfn_pte(pte_pfn(old), prot));
	else
		bad = !pte_none(old);
	pte_unmap_unlock(pte, ptl);
	if (bad)
		demo_report_bad_pte(vma, addr, pte);	/* expect: pte-use-after-unlock */
	return bad ? -EINVAL : 0;
}
