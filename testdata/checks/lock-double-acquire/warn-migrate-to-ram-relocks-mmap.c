/*
 * A ->migrate_to_ram callback runs with mmap_lock held by do_swap_page();
 * taking it again for a lookup helper is a recursive read lock, which
 * deadlocks once a writer queues between the two (the amdkfd shape).
 */
#include <linux/mm.h>
#include <linux/memremap.h>

extern void demo_page_free(struct page *page);
extern int demo_migrate_range(struct mm_struct *mm, unsigned long addr);

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	int r;

	mmap_read_lock(vmf->vma->vm_mm);	/* expect: lock-double-acquire, migrate-to-ram-mmap-lock */
	r = demo_migrate_range(vmf->vma->vm_mm, vmf->address);
	mmap_read_unlock(vmf->vma->vm_mm);
	return r ? VM_FAULT_SIGBUS : 0;
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_init(struct dev_pagemap *pgmap)
{
	pgmap->ops = &demo_ops;
}
