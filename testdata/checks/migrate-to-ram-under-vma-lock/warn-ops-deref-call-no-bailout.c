/* Models a device-private fault path that calls the callback as (*ops->migrate_to_ram)(vmf) with no FAULT_FLAG_VMA_LOCK bail-out. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	const struct dev_pagemap_ops *ops = page->pgmap->ops;
	vm_fault_t ret;

	vmf->page = page;
	get_page(page);
	ret = (*ops->migrate_to_ram)(vmf);	/* expect: migrate-to-ram-under-vma-lock */
	put_page(page);
	return ret;
}
