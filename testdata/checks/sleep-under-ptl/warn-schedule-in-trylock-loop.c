/* Models a busy-wait for a folio lock under the pte lock: folio_trylock() itself is fine, but schedule() between attempts sleeps with the ptl held. */
#include <linux/mm.h>
#include <linux/pagemap.h>

int demo_wait_folio(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
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
		return 0;
	}
	while (!folio_trylock(folio))
		schedule();	/* expect: sleep-under-ptl */
	folio_mark_dirty(folio);
	folio_unlock(folio);
	pte_unmap_unlock(pte, ptl);
	return 0;
}
