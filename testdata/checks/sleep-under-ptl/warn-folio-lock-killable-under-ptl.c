/* Models a folio-locking step placed after pte_offset_map_lock() instead of before it: folio_lock_killable() sleeps under the ptl. */
#include <linux/mm.h>
#include <linux/pagemap.h>

int demo_dirty_mapped_folio(struct vm_area_struct *vma, pmd_t *pmd,
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
	if (folio_lock_killable(folio)) {	/* expect: sleep-under-ptl */
		pte_unmap_unlock(pte, ptl);
		return -EINTR;
	}
	folio_mark_dirty(folio);
	folio_unlock(folio);
	pte_unmap_unlock(pte, ptl);
	return 0;
}
