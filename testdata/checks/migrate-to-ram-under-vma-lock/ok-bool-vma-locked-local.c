/* Models a device-private fault path that keeps FAULT_FLAG_VMA_LOCK in a bool local and bails out with VM_FAULT_RETRY on it before ->migrate_to_ram. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	bool vma_locked = vmf->flags & FAULT_FLAG_VMA_LOCK;
	vm_fault_t ret;

	if (vma_locked) {
		vma_end_read(vmf->vma);
		return VM_FAULT_RETRY;
	}

	vmf->page = page;
	get_page(page);
	ret = page->pgmap->ops->migrate_to_ram(vmf);
	put_page(page);
	return ret;
}
