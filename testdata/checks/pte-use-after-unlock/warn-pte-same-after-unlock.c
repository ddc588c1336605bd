/* do_swap_page()-style recheck done after the lock was dropped: the check is meaningless and reads an unmapped table. */
#include <linux/mm.h>

vm_fault_t demo_recheck(struct vm_fault *vmf)
{
	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (!vmf->pte)
		return 0;
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	if (!pte_same(ptep_get(vmf->pte), vmf->orig_pte))	/* expect: pte-use-after-unlock */
		return VM_FAULT_RETRY;
	return 0;
}
