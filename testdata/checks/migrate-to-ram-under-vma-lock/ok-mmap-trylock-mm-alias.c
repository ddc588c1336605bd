/* Models the mmap_read_trylock() fallback with the mm in a local (mm = vma->vm_mm): ->migrate_to_ram runs under mmap_lock of the fault's mm either way. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	bool took_mmap = false;
	vm_fault_t ret;

	if (vmf->flags & FAULT_FLAG_VMA_LOCK) {
		if (!mmap_read_trylock(mm)) {
			vma_end_read(vma);
			return VM_FAULT_RETRY;
		}
		took_mmap = true;
	}

	vmf->page = page;
	get_page(page);
	ret = page->pgmap->ops->migrate_to_ram(vmf);
	put_page(page);
	if (took_mmap)
		mmap_read_unlock(mm);
	return ret;
}
