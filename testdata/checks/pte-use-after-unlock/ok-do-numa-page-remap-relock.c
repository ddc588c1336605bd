/* Models do_numa_page() (6.12): after a failed migration the PTE is mapped and locked again with pte_offset_map_lock() and rechecked with pte_same() before the protection is restored. */
#include <linux/mm.h>

extern int demo_migrate_misplaced(struct folio *folio, struct vm_area_struct *vma);

vm_fault_t demo_do_numa_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct folio *folio;
	pte_t pte;

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (!vmf->pte)
		return 0;
	if (!pte_same(ptep_get(vmf->pte), vmf->orig_pte)) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return 0;
	}
	pte = vmf->orig_pte;
	folio = vm_normal_folio(vma, vmf->address, pte);
	if (!folio) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return 0;
	}
	folio_get(folio);
	pte_unmap_unlock(vmf->pte, vmf->ptl);

	if (!demo_migrate_misplaced(folio, vma))
		return 0;
	folio_put(folio);

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (!vmf->pte)
		return 0;
	if (pte_same(ptep_get(vmf->pte), vmf->orig_pte))
		set_pte_at(vma->vm_mm, vmf->address, vmf->pte, pte_mkyoung(pte));
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}
