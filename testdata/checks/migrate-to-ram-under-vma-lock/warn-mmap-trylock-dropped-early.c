/* Models a VMA-lock fault path that trylocks mmap_lock for the callback but drops it again before calling ->migrate_to_ram. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret;

	if (vmf->flags & FAULT_FLAG_VMA_LOCK) {
		if (!mmap_read_trylock(vma->vm_mm)) {
			vma_end_read(vma);
			return VM_FAULT_RETRY;
		}
		mmap_read_unlock(vma->vm_mm);
	}

	vmf->page = page;
	get_page(page);
	ret = page->pgmap->ops->migrate_to_ram(vmf);	/* expect: migrate-to-ram-under-vma-lock */
	put_page(page);
	return ret;
}
