/* Models the device-private branch of 6.12 do_swap_page(): under FAULT_FLAG_VMA_LOCK drop the VMA lock and return VM_FAULT_RETRY, else call ->migrate_to_ram after dropping the ptl. */
#include <linux/mm.h>
#include <linux/memremap.h>

typedef struct { unsigned long val; } swp_entry_t;
extern swp_entry_t pte_to_swp_entry(pte_t pte);
extern bool is_device_private_entry(swp_entry_t entry);
extern struct page *pfn_swap_entry_to_page(swp_entry_t entry);

vm_fault_t demo_swap_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	swp_entry_t entry = pte_to_swp_entry(vmf->orig_pte);
	vm_fault_t ret = 0;

	if (!is_device_private_entry(entry))
		return VM_FAULT_SIGBUS;

	if (vmf->flags & FAULT_FLAG_VMA_LOCK) {
		/* the callback is only safe under mmap_lock */
		vma_end_read(vma);
		ret = VM_FAULT_RETRY;
		goto out;
	}

	vmf->page = pfn_swap_entry_to_page(entry);
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	if (unlikely(!vmf->pte || !pte_same(ptep_get(vmf->pte), vmf->orig_pte)))
		goto unlock;

	/* pin the page while the pte still maps it */
	get_page(vmf->page);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	ret = vmf->page->pgmap->ops->migrate_to_ram(vmf);
	put_page(vmf->page);
	goto out;
unlock:
	if (vmf->pte)
		pte_unmap_unlock(vmf->pte, vmf->ptl);
out:
	return ret;
}
