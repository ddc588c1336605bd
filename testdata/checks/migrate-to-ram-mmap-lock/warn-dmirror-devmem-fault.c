/* Models lib/test_hmm.c dmirror_devmem_fault(): the ->migrate_to_ram callback fills a one-page struct migrate_vma and calls migrate_vma_setup() itself. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

struct demo_mirror {
	void *owner;
};

static void demo_devmem_free(struct page *page)
{
	page->zone_device_data = NULL;
}

/* Allocate a system page for each collected source and copy into it. */
static vm_fault_t demo_alloc_and_copy(struct migrate_vma *args)
{
	struct page *spage = migrate_pfn_to_page(args->src[0]);
	struct page *dpage;

	if (!spage || !(args->src[0] & MIGRATE_PFN_MIGRATE))
		return 0;
	dpage = alloc_page_vma(GFP_HIGHUSER_MOVABLE, args->vma, args->start);
	if (!dpage)
		return VM_FAULT_OOM;
	args->dst[0] = migrate_pfn(page_to_pfn(dpage));
	return 0;
}

static vm_fault_t demo_devmem_fault(struct vm_fault *vmf)
{
	struct demo_mirror *mirror = vmf->page->zone_device_data;
	unsigned long src_pfns = 0, dst_pfns = 0;
	struct migrate_vma args = { 0 };
	vm_fault_t ret;

	args.vma = vmf->vma;
	args.start = vmf->address;
	args.end = args.start + PAGE_SIZE;
	args.src = &src_pfns;
	args.dst = &dst_pfns;
	args.pgmap_owner = mirror->owner;
	args.flags = MIGRATE_VMA_SELECT_DEVICE_PRIVATE;
	args.fault_page = vmf->page;

	if (migrate_vma_setup(&args))	/* expect: migrate-to-ram-mmap-lock */
		return VM_FAULT_SIGBUS;
	ret = demo_alloc_and_copy(&args);
	if (ret)
		return ret;
	migrate_vma_pages(&args);
	migrate_vma_finalize(&args);
	return 0;
}

static const struct dev_pagemap_ops demo_devmem_ops = {
	.page_free	= demo_devmem_free,
	.migrate_to_ram	= demo_devmem_fault,
};

void demo_devmem_init(struct dev_pagemap *pgmap, void *owner)
{
	pgmap->type = MEMORY_DEVICE_PRIVATE;
	pgmap->ops = &demo_devmem_ops;
	pgmap->owner = owner;
}
