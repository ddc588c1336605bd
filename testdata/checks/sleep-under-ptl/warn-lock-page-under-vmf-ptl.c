/* Models a do_wp_page()-style path calling lock_page() on vmf->page while vmf->ptl is still held (the kernel trylocks or drops the ptl first). */
#include <linux/mm.h>
#include <linux/pagemap.h>

vm_fault_t demo_wp_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	if (!vmf->pte)
		return 0;
	if (!pte_same(ptep_get(vmf->pte), vmf->orig_pte)) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return 0;
	}
	vmf->page = vm_normal_page(vma, vmf->address, vmf->orig_pte);
	if (!vmf->page) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return VM_FAULT_SIGBUS;
	}
	lock_page(vmf->page);	/* expect: sleep-under-ptl */
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte,
		   pte_mkwrite(pte_mkdirty(vmf->orig_pte), vma));
	unlock_page(vmf->page);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}
