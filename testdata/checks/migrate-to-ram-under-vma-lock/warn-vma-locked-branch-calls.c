/* Models a do_swap_page() variant that tests FAULT_FLAG_VMA_LOCK but still calls ->migrate_to_ram in the VMA-locked branch (only the mmap_lock branch is safe). */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	struct dev_pagemap *pgmap = page->pgmap;
	vm_fault_t ret;

	vmf->page = page;
	get_page(page);
	if (vmf->flags & FAULT_FLAG_VMA_LOCK) {
		/* wrong: the callback walks page tables under mmap_lock */
		ret = pgmap->ops->migrate_to_ram(vmf);	/* expect: migrate-to-ram-under-vma-lock */
		put_page(page);
		return ret;
	}
	ret = pgmap->ops->migrate_to_ram(vmf);
	put_page(page);
	return ret;
}
