/* Models one ->migrate_to_ram callback installed in two dev_pagemap_ops (device-private and device-coherent regions with different page_free); it is one callback, so one finding. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

extern void demo_private_free(struct page *page);
extern void demo_coherent_free(struct page *page);

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	unsigned long src = 0, dst = 0;
	struct migrate_vma args = {
		.vma = vmf->vma, .start = vmf->address,
		.end = vmf->address + PAGE_SIZE,
		.src = &src, .dst = &dst,
		.pgmap_owner = vmf->page->pgmap->owner,
		.flags = MIGRATE_VMA_SELECT_DEVICE_PRIVATE |
			 MIGRATE_VMA_SELECT_DEVICE_COHERENT,
		.fault_page = vmf->page,
	};

	if (migrate_vma_setup(&args))	/* expect: migrate-to-ram-mmap-lock */
		return VM_FAULT_SIGBUS;
	migrate_vma_pages(&args);
	migrate_vma_finalize(&args);
	return 0;
}

static const struct dev_pagemap_ops demo_private_ops = {
	.page_free = demo_private_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

static const struct dev_pagemap_ops demo_coherent_ops = {
	.page_free = demo_coherent_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_init(struct dev_pagemap *pgmap, bool coherent)
{
	pgmap->type = coherent ? MEMORY_DEVICE_COHERENT : MEMORY_DEVICE_PRIVATE;
	pgmap->ops = coherent ? &demo_coherent_ops : &demo_private_ops;
}
