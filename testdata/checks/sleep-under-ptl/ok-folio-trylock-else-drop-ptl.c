/* Models the "folio_trylock() under the ptl, otherwise take a reference, drop the ptl and sleep in folio_lock()" idiom. */
#include <linux/mm.h>
#include <linux/pagemap.h>

int demo_lock_folio_at(struct vm_area_struct *vma, pmd_t *pmd,
		       unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte;
	struct folio *folio;

	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	folio = vm_normal_folio(vma, addr, ptep_get(pte));
	if (!folio) {
		pte_unmap_unlock(pte, ptl);
		return -ENOENT;
	}
	folio_get(folio);
	if (folio_trylock(folio)) {
		pte_unmap_unlock(pte, ptl);
	} else {
		pte_unmap_unlock(pte, ptl);
		folio_lock(folio);
	}
	folio_mark_dirty(folio);
	folio_unlock(folio);
	folio_put(folio);
	return 0;
}
