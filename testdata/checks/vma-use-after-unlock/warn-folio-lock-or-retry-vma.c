/* Models do_swap_page() (6.12) with a bug: after folio_lock_or_retry() returned VM_FAULT_RETRY (fault lock released), the retry path still reads vma->vm_flags. */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern void demo_count_swapin_retry(bool hugepage);

vm_fault_t demo_swapin_locked(struct vm_fault *vmf, struct folio *folio)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret = 0;
	pte_t pte;

	folio_get(folio);
	ret |= folio_lock_or_retry(folio, vmf);
	if (ret & VM_FAULT_RETRY) {
		demo_count_swapin_retry(vma->vm_flags & VM_HUGEPAGE);	/* expect: vma-use-after-unlock */
		goto out_release;
	}

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (unlikely(!vmf->pte || !pte_same(ptep_get(vmf->pte), vmf->orig_pte)))
		goto out_nomap;
	pte = mk_pte(folio_page(folio, 0), vma->vm_page_prot);
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte, pte);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	folio_unlock(folio);
	return ret;

out_nomap:
	if (vmf->pte)
		pte_unmap_unlock(vmf->pte, vmf->ptl);
	folio_unlock(folio);
out_release:
	folio_put(folio);
	return ret;
}
