/* Models a VMA-lock fault path that trylocks mmap_lock of vmf->vma->vm_mm (like __vmf_anon_prepare()) around ->migrate_to_ram and retries when that fails. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	const struct dev_pagemap_ops *ops = page->pgmap->ops;
	vm_fault_t ret;

	vmf->page = page;
	if (vmf->flags & FAULT_FLAG_VMA_LOCK) {
		if (!mmap_read_trylock(vmf->vma->vm_mm)) {
			vma_end_read(vmf->vma);
			return VM_FAULT_RETRY;
		}
		ret = ops->migrate_to_ram(vmf);
		mmap_read_unlock(vmf->vma->vm_mm);
		return ret;
	}
	return ops->migrate_to_ram(vmf);
}
