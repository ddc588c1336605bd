/* A callback that takes mmap_lock itself: do_swap_page() already holds it.
 * The ops are filled in at run time. */
static vm_fault_t relocking_to_ram(struct vm_fault *vmf)
{
	struct mm_struct *mm = vmf->vma->vm_mm;
	int ret;

	mmap_read_lock(mm);
	ret = copy_one_back(vmf->page, vmf->address);
	mmap_read_unlock(mm);
	return ret ? VM_FAULT_SIGBUS : 0;
}

static void setup_ops(struct dev_pagemap_ops *ops)
{
	ops->page_free = relocking_page_free;
	ops->migrate_to_ram = relocking_to_ram;
}
