/*
 * The same body as a function that is not installed as ->migrate_to_ram
 * (a worker with its own reference to the mm): nothing is held on entry.
 */
#include <linux/mm.h>

extern int demo_migrate_range(struct mm_struct *mm, unsigned long addr);

vm_fault_t demo_worker(struct vm_fault *vmf)
{
	int r;

	mmap_read_lock(vmf->vma->vm_mm);
	r = demo_migrate_range(vmf->vma->vm_mm, vmf->address);
	mmap_read_unlock(vmf->vma->vm_mm);
	return r ? VM_FAULT_SIGBUS : 0;
}
