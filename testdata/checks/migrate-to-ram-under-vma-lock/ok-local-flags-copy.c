/* Models a device-private fault path that tests a local copy of vmf->flags for FAULT_FLAG_VMA_LOCK before calling ->migrate_to_ram. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	unsigned int flags = vmf->flags;
	vm_fault_t ret;

	if (flags & FAULT_FLAG_VMA_LOCK) {
		vma_end_read(vmf->vma);
		return VM_FAULT_RETRY;
	}

	vmf->page = page;
	get_page(page);
	ret = page->pgmap->ops->migrate_to_ram(vmf);
	put_page(page);
	return ret;
}
