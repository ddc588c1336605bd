/* do_swap_page()-style recheck under the PTE lock, unlocking on both paths. */
#include <linux/mm.h>

vm_fault_t demo_recheck(struct vm_fault *vmf)
{
	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (!vmf->pte)
		return 0;
	if (!pte_same(ptep_get(vmf->pte), vmf->orig_pte)) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return VM_FAULT_RETRY;
	}
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}
