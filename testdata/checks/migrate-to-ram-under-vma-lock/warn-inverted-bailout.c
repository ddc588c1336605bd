/* Models a do_swap_page()-style bail-out with the test inverted: it retries the mmap_lock fault and calls ->migrate_to_ram only when FAULT_FLAG_VMA_LOCK is set. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	vm_fault_t ret;

	if (!(vmf->flags & FAULT_FLAG_VMA_LOCK)) {
		release_fault_lock(vmf);
		return VM_FAULT_RETRY;
	}

	vmf->page = page;
	get_page(page);
	ret = page->pgmap->ops->migrate_to_ram(vmf);	/* expect: migrate-to-ram-under-vma-lock */
	put_page(page);
	return ret;
}
