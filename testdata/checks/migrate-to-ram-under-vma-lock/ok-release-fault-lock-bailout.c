/* Models a device-private fault path that bails out with release_fault_lock() + VM_FAULT_RETRY under FAULT_FLAG_VMA_LOCK before calling ->migrate_to_ram. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	vm_fault_t ret;

	if (unlikely(vmf->flags & FAULT_FLAG_VMA_LOCK)) {
		release_fault_lock(vmf);
		return VM_FAULT_RETRY;
	}

	vmf->page = page;
	get_page(page);
	ret = page->pgmap->ops->migrate_to_ram(vmf);
	put_page(page);
	return ret;
}
