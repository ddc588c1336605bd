/* Models a driver with two device-private regions (two dev_pagemap_ops), each ->migrate_to_ram reaching migrate_vma_setup() through a shared helper; one finding per callback. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

struct demo_region {
	void *owner;
	unsigned long faults;
};

extern void demo_page_free(struct page *page);
extern void demo_fence_wait(struct demo_region *region);

static void demo_count_fault(struct demo_region *region)
{
	region->faults++;
}

static vm_fault_t demo_migrate_one(struct vm_fault *vmf, void *owner)
{
	unsigned long src = 0, dst = 0;
	struct migrate_vma args = {
		.vma = vmf->vma, .start = vmf->address,
		.end = vmf->address + PAGE_SIZE,
		.src = &src, .dst = &dst, .pgmap_owner = owner,
		.flags = MIGRATE_VMA_SELECT_DEVICE_PRIVATE,
		.fault_page = vmf->page,
	};

	if (migrate_vma_setup(&args))
		return VM_FAULT_SIGBUS;
	migrate_vma_pages(&args);
	migrate_vma_finalize(&args);
	return 0;
}

static vm_fault_t demo_vram_migrate_to_ram(struct vm_fault *vmf)
{
	return demo_migrate_one(vmf, vmf->page->pgmap->owner);	/* expect: migrate-to-ram-mmap-lock */
}

static vm_fault_t demo_hbm_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_region *region = vmf->page->zone_device_data;

	demo_count_fault(region);
	demo_fence_wait(region);
	return demo_migrate_one(vmf, region->owner);	/* expect: migrate-to-ram-mmap-lock */
}

static const struct dev_pagemap_ops demo_vram_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_vram_migrate_to_ram,
};

static const struct dev_pagemap_ops demo_hbm_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_hbm_migrate_to_ram,
};

void demo_init(struct dev_pagemap *vram, struct dev_pagemap *hbm)
{
	vram->ops = &demo_vram_ops;
	hbm->ops = &demo_hbm_ops;
}
