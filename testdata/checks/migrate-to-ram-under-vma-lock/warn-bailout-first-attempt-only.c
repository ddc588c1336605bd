/* Models a bail-out that retries only on the first attempt (fault_flag_allow_retry_first()): a FAULT_FLAG_TRIED fault under the VMA lock still reaches ->migrate_to_ram. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	vm_fault_t ret;

	if ((vmf->flags & FAULT_FLAG_VMA_LOCK) &&
	    fault_flag_allow_retry_first(vmf->flags)) {
		vma_end_read(vmf->vma);
		return VM_FAULT_RETRY;
	}

	vmf->page = page;
	get_page(page);
	ret = page->pgmap->ops->migrate_to_ram(vmf);	/* expect: migrate-to-ram-under-vma-lock */
	put_page(page);
	return ret;
}
