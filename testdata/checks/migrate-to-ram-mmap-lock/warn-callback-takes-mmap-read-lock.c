/* Models a ->migrate_to_ram callback that takes mmap_read_lock(vmf->vma->vm_mm) itself around migrate_vma_setup(), although do_swap_page() already calls it under that lock. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

extern void demo_page_free(struct page *page);
extern vm_fault_t demo_copy_back(struct migrate_vma *args);

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	struct mm_struct *mm = vmf->vma->vm_mm;
	unsigned long src = 0, dst = 0;
	struct migrate_vma args = {
		.vma = vmf->vma,
		.start = vmf->address,
		.end = vmf->address + PAGE_SIZE,
		.src = &src,
		.dst = &dst,
		.pgmap_owner = vmf->page->pgmap->owner,
		.flags = MIGRATE_VMA_SELECT_DEVICE_PRIVATE,
	};
	vm_fault_t ret = VM_FAULT_SIGBUS;

	mmap_read_lock(mm);	/* expect: migrate-to-ram-mmap-lock, lock-double-acquire */
	if (migrate_vma_setup(&args))
		goto out;
	ret = demo_copy_back(&args);
	migrate_vma_pages(&args);
	migrate_vma_finalize(&args);
out:
	mmap_read_unlock(mm);
	return ret;
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_init(struct dev_pagemap *pgmap)
{
	pgmap->ops = &demo_ops;
}
