/* Models a bail-out that only covers read faults under FAULT_FLAG_VMA_LOCK: a write fault under the VMA lock still reaches ->migrate_to_ram. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret;

	if ((vmf->flags & FAULT_FLAG_VMA_LOCK) &&
	    !(vmf->flags & FAULT_FLAG_WRITE)) {
		vma_end_read(vma);
		return VM_FAULT_RETRY;
	}

	vmf->page = page;
	get_page(page);
	ret = page->pgmap->ops->migrate_to_ram(vmf);	/* expect: migrate-to-ram-under-vma-lock */
	put_page(page);
	return ret;
}
