/* Models a VMA-lock fault path that trylocks the current task's mm instead of vmf->vma->vm_mm (they differ for a remote or COW-child fault) before ->migrate_to_ram. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault(struct vm_fault *vmf, struct page *page)
{
	struct mm_struct *mm = current->mm;
	vm_fault_t ret;

	if (vmf->flags & FAULT_FLAG_VMA_LOCK) {
		if (!mmap_read_trylock(mm)) {
			vma_end_read(vmf->vma);
			return VM_FAULT_RETRY;
		}
		vmf->page = page;
		ret = page->pgmap->ops->migrate_to_ram(vmf);	/* expect: migrate-to-ram-under-vma-lock */
		mmap_read_unlock(mm);
		return ret;
	}

	vmf->page = page;
	return page->pgmap->ops->migrate_to_ram(vmf);
}
