/* Models a device-private fault path that calls ->migrate_to_ram only inside if (!(vmf->flags & FAULT_FLAG_VMA_LOCK)) and retries otherwise. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	vm_fault_t ret;

	if (!(vmf->flags & FAULT_FLAG_VMA_LOCK)) {
		vmf->page = page;
		get_page(page);
		ret = page->pgmap->ops->migrate_to_ram(vmf);
		put_page(page);
	} else {
		vma_end_read(vmf->vma);
		ret = VM_FAULT_RETRY;
	}
	return ret;
}
