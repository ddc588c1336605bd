/* Models do_swap_page() (6.12): the vma is read only on the path where folio_lock_or_retry() returned 0; the RETRY path drops the folio reference and returns. */
#include <linux/mm.h>
#include <linux/pagemap.h>

vm_fault_t demo_swapin_locked(struct vm_fault *vmf, struct folio *folio)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret;
	pte_t pte;

	folio_get(folio);
	ret = folio_lock_or_retry(folio, vmf);
	if (ret)
		goto out_release;

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (unlikely(!vmf->pte || !pte_same(ptep_get(vmf->pte), vmf->orig_pte)))
		goto out_nomap;
	if (vma->vm_flags & VM_WRITE)
		pte = mk_pte(folio_page(folio, 0), vma->vm_page_prot);
	else
		pte = vmf->orig_pte;
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte, pte);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	folio_unlock(folio);
	return 0;

out_nomap:
	if (vmf->pte)
		pte_unmap_unlock(vmf->pte, vmf->ptl);
	folio_unlock(folio);
out_release:
	folio_put(folio);
	return ret;
}
