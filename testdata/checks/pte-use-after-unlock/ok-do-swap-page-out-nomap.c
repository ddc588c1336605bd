/* Models do_swap_page()'s out_nomap exit: if (vmf->pte) pte_unmap_unlock(), vmf->pte is not touched afterwards and only the entry copied under the lock is reported. */
#include <linux/mm.h>

extern struct folio *demo_swapin(struct vm_fault *vmf);
extern bool demo_folio_ok(struct folio *folio);
extern void demo_trace_swap_fault(unsigned long addr, pte_t entry);

vm_fault_t demo_do_swap_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct folio *folio;
	vm_fault_t ret = 0;
	pte_t seen = __pte(0);

	folio = demo_swapin(vmf);
	if (!folio)
		return VM_FAULT_OOM;

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (!vmf->pte)
		goto out_nomap;
	seen = ptep_get(vmf->pte);
	if (!pte_same(seen, vmf->orig_pte))
		goto out_nomap;
	if (!demo_folio_ok(folio)) {
		ret = VM_FAULT_SIGBUS;
		goto out_nomap;
	}
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte, mk_pte(&folio->page, vma->vm_page_prot));
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return ret;

out_nomap:
	if (vmf->pte)
		pte_unmap_unlock(vmf->pte, vmf->ptl);
	if (ret == VM_FAULT_SIGBUS)
		demo_trace_swap_fault(vmf->address, seen);
	folio_put(folio);
	return ret;
}
