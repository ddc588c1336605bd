/* Models the 6.15+ do_swap_page() device-private branch (trylock vmf->page, call ->migrate_to_ram with it locked) with the FAULT_FLAG_VMA_LOCK bail-out removed. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/pagemap.h>

typedef struct { unsigned long val; } swp_entry_t;
extern swp_entry_t pte_to_swp_entry(pte_t pte);
extern bool is_device_private_entry(swp_entry_t entry);
extern struct page *pfn_swap_entry_to_page(swp_entry_t entry);
extern struct dev_pagemap *page_pgmap(const struct page *page);

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

	if (trylock_page(vmf->page)) {
		struct dev_pagemap *pgmap;

		get_page(vmf->page);
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		pgmap = page_pgmap(vmf->page);
		ret = pgmap->ops->migrate_to_ram(vmf);	/* expect: migrate-to-ram-under-vma-lock */
		unlock_page(vmf->page);
		put_page(vmf->page);
	} else {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
	}
	goto out;
unlock:
	if (vmf->pte)
		pte_unmap_unlock(vmf->pte, vmf->ptl);
out:
	return ret;
}
