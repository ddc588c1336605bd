/* Models 6.4-6.5 do_swap_page(): every swap fault under FAULT_FLAG_VMA_LOCK returns VM_FAULT_RETRY up front (the arch caller drops the VMA lock), before ->migrate_to_ram. */
#include <linux/mm.h>
#include <linux/memremap.h>

typedef struct { unsigned long val; } swp_entry_t;
extern swp_entry_t pte_to_swp_entry(pte_t pte);
extern bool is_device_private_entry(swp_entry_t entry);
extern struct page *pfn_swap_entry_to_page(swp_entry_t entry);
extern vm_fault_t demo_swapin(struct vm_fault *vmf, swp_entry_t entry);

vm_fault_t demo_swap_fault(struct vm_fault *vmf)
{
	swp_entry_t entry;

	if (vmf->flags & FAULT_FLAG_VMA_LOCK)
		return VM_FAULT_RETRY;

	entry = pte_to_swp_entry(vmf->orig_pte);
	if (is_device_private_entry(entry)) {
		vmf->page = pfn_swap_entry_to_page(entry);
		return vmf->page->pgmap->ops->migrate_to_ram(vmf);
	}
	return demo_swapin(vmf, entry);
}
