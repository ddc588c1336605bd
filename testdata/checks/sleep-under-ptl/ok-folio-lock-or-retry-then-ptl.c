/* Models do_swap_page() ordering: folio_lock_or_retry() (may sleep) happens before pte_offset_map_lock(); the folio is unlocked after the ptl is dropped. */
#include <linux/mm.h>
#include <linux/pagemap.h>

vm_fault_t demo_swapin_map(struct vm_fault *vmf, struct folio *folio)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret;

	ret = folio_lock_or_retry(folio, vmf);
	if (ret & VM_FAULT_RETRY)
		return ret;

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	if (unlikely(!vmf->pte)) {
		folio_unlock(folio);
		return 0;
	}
	if (pte_same(ptep_get(vmf->pte), vmf->orig_pte))
		set_pte_at(vma->vm_mm, vmf->address, vmf->pte,
			   mk_pte(folio_page(folio, 0), vma->vm_page_prot));
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	folio_unlock(folio);
	return 0;
}
