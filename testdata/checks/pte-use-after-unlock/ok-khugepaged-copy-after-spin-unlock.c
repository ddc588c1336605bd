/* Models collapse_huge_page() + __collapse_huge_page_copy(): the PTE lock is dropped with spin_unlock(pte_ptl), the table stays mapped, a loop reads the entries and pte_unmap() ends the mapping. */
#include <linux/mm.h>

extern int demo_isolate(pte_t *pte, unsigned long address);
extern int demo_copy_page(struct folio *dst, unsigned long idx, pte_t entry);

int demo_collapse_copy(struct mm_struct *mm, pmd_t *pmd, unsigned long address, struct folio *dst)
{
	spinlock_t *pte_ptl;
	pte_t *pte, *_pte;
	unsigned long i;
	int result;

	pte = pte_offset_map_lock(mm, pmd, address, &pte_ptl);
	if (!pte)
		return -EAGAIN;
	result = demo_isolate(pte, address);
	spin_unlock(pte_ptl);
	if (result) {
		pte_unmap(pte);
		return result;
	}
	for (i = 0, _pte = pte; i < 512; i++, _pte++) {
		result = demo_copy_page(dst, i, ptep_get(_pte));
		if (result)
			break;
	}
	pte_unmap(pte);
	return result;
}
