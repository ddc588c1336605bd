/* Models a fault dispatch over the pte state: every switch case drops vmf->ptl before anything that sleeps (handle_pte_fault shape). */
#include <linux/mm.h>
#include <linux/pagemap.h>

enum demo_pte_kind { DEMO_PTE_NONE, DEMO_PTE_PRESENT, DEMO_PTE_SWAP };

extern enum demo_pte_kind demo_classify(pte_t pte);
extern vm_fault_t demo_swapin_slow(struct vm_fault *vmf);

vm_fault_t demo_dispatch(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	if (!vmf->pte)
		return 0;
	switch (demo_classify(ptep_get(vmf->pte))) {
	case DEMO_PTE_NONE:
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		might_sleep();
		return VM_FAULT_NOPAGE;
	case DEMO_PTE_PRESENT:
		page = vm_normal_page(vma, vmf->address, ptep_get(vmf->pte));
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		if (page) {
			lock_page(page);
			unlock_page(page);
		}
		return 0;
	case DEMO_PTE_SWAP:
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return demo_swapin_slow(vmf);
	}
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return VM_FAULT_SIGBUS;
}
