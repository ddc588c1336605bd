/* Models 6.12 do_swap_page()'s device-private branch with the FAULT_FLAG_VMA_LOCK bail-out removed: ->migrate_to_ram may run under the VMA lock alone. */
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

	vmf->page = pfn_swap_entry_to_page(entry);
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				       &vmf->ptl);
	if (unlikely(!vmf->pte || !pte_same(ptep_get(vmf->pte), vmf->orig_pte)))
		goto unlock;

	get_page(vmf->page);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	ret = vmf->page->pgmap->ops->migrate_to_ram(vmf);	/* expect: migrate-to-ram-under-vma-lock */
	put_page(vmf->page);
	goto out;
unlock:
	if (vmf->pte)
		pte_unmap_unlock(vmf->pte, vmf->ptl);
out:
	return ret;
}
