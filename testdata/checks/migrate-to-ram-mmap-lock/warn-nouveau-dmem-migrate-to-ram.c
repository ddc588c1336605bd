/* Models nouveau_dmem_migrate_to_ram(): look up the device from the page, migrate_vma_setup() for the faulting page, copy it back with a local helper, then migrate_vma_pages/finalize. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

struct demo_drm {
	void *dev;
};

struct demo_chunk {
	struct dev_pagemap pagemap;
	struct demo_drm *drm;
};

extern void demo_dmem_page_free(struct page *page);
extern int demo_copy_from_vram(struct demo_drm *drm, struct page *dst,
			       struct page *src);

static struct demo_drm *demo_page_to_drm(struct page *page)
{
	struct demo_chunk *chunk = container_of(page->pgmap, struct demo_chunk, pagemap);

	return chunk->drm;
}

static vm_fault_t demo_dmem_fault_copy_one(struct demo_drm *drm,
					   struct vm_fault *vmf,
					   struct migrate_vma *args)
{
	struct page *spage = migrate_pfn_to_page(args->src[0]), *dpage;

	if (!spage || !(args->src[0] & MIGRATE_PFN_MIGRATE))
		return 0;
	dpage = alloc_page_vma(GFP_HIGHUSER, vmf->vma, vmf->address);
	if (!dpage)
		return VM_FAULT_SIGBUS;
	if (demo_copy_from_vram(drm, dpage, spage)) {
		__free_page(dpage);
		return VM_FAULT_SIGBUS;
	}
	args->dst[0] = migrate_pfn(page_to_pfn(dpage));
	return 0;
}

static vm_fault_t demo_dmem_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_drm *drm = demo_page_to_drm(vmf->page);
	unsigned long src = 0, dst = 0;
	struct migrate_vma args = {
		.vma		= vmf->vma,
		.start		= vmf->address,
		.end		= vmf->address + PAGE_SIZE,
		.src		= &src,
		.dst		= &dst,
		.pgmap_owner	= drm->dev,
		.fault_page	= vmf->page,
		.flags		= MIGRATE_VMA_SELECT_DEVICE_PRIVATE,
	};
	vm_fault_t ret;

	if (migrate_vma_setup(&args) < 0)	/* expect: migrate-to-ram-mmap-lock */
		return VM_FAULT_SIGBUS;
	if (!args.cpages)
		return 0;
	ret = demo_dmem_fault_copy_one(drm, vmf, &args);
	if (ret || !dst)
		goto done;
	migrate_vma_pages(&args);
done:
	migrate_vma_finalize(&args);
	return ret;
}

static const struct dev_pagemap_ops demo_dmem_pagemap_ops = {
	.page_free		= demo_dmem_page_free,
	.migrate_to_ram		= demo_dmem_migrate_to_ram,
};

void demo_dmem_chunk_init(struct demo_chunk *chunk)
{
	chunk->pagemap.type = MEMORY_DEVICE_PRIVATE;
	chunk->pagemap.ops = &demo_dmem_pagemap_ops;
}
