/* Models a finish_fault()-style install that re-takes vmf->ptl after pte_offset_map_lock() already locked it into vmf->ptl. */
#include <linux/mm.h>

vm_fault_t demo_finish_fault(struct vm_fault *vmf, struct page *page)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret = 0;

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	if (!vmf->pte)
		return VM_FAULT_NOPAGE;
	if (likely(pte_none(ptep_get(vmf->pte)))) {
		spin_lock(vmf->ptl);	/* expect: lock-double-acquire */
		set_pte_at(vma->vm_mm, vmf->address, vmf->pte,
			   mk_pte(page, vma->vm_page_prot));
		update_mmu_cache(vma, vmf->address, vmf->pte);
	} else {
		ret = VM_FAULT_NOPAGE;
	}
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return ret;
}
