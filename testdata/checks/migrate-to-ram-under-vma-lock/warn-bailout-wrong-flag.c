/* Models a device-private fault path whose bail-out tests FAULT_FLAG_RETRY_NOWAIT instead of FAULT_FLAG_VMA_LOCK, so ->migrate_to_ram can still run under the VMA lock alone. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	const struct dev_pagemap_ops *ops = page->pgmap->ops;
	vm_fault_t ret;

	/* NOWAIT: give up without dropping the fault lock */
	if (vmf->flags & FAULT_FLAG_RETRY_NOWAIT)
		return VM_FAULT_RETRY;

	vmf->page = page;
	get_page(page);
	ret = ops->migrate_to_ram(vmf);	/* expect: migrate-to-ram-under-vma-lock */
	put_page(page);
	return ret;
}
