/* Models a ->migrate_to_ram callback whose first leading call is a 3-level chain ending in find_vma_intersection(); earlier local calls need no mmap_lock, a later direct migrate_vma_setup() is not the reported call. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

struct demo_ctx {
	void *owner;
	unsigned long prefetch;
};

extern void demo_page_free(struct page *page);

static unsigned long demo_window(struct demo_ctx *ctx, unsigned long addr)
{
	return addr & ~(ctx->prefetch * PAGE_SIZE - 1);
}

static bool demo_window_mapped(struct mm_struct *mm, unsigned long start,
			       unsigned long end)
{
	struct vm_area_struct *vma = find_vma_intersection(mm, start, end);

	return vma && vma->vm_start <= start && end <= vma->vm_end;
}

static unsigned long demo_clamp_window(struct demo_ctx *ctx, struct vm_fault *vmf,
				       unsigned long start)
{
	unsigned long end = start + ctx->prefetch * PAGE_SIZE;

	if (!demo_window_mapped(vmf->vma->vm_mm, start, end))
		return vmf->address;
	return start;
}

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_ctx *ctx = vmf->page->zone_device_data;
	unsigned long src = 0, dst = 0, start;
	struct migrate_vma args = {
		.vma = vmf->vma, .src = &src, .dst = &dst,
		.pgmap_owner = ctx->owner,
		.flags = MIGRATE_VMA_SELECT_DEVICE_PRIVATE,
		.fault_page = vmf->page,
	};

	start = demo_window(ctx, vmf->address);
	start = demo_clamp_window(ctx, vmf, start);	/* expect: migrate-to-ram-mmap-lock */
	args.start = start;
	args.end = start + PAGE_SIZE;
	if (migrate_vma_setup(&args))
		return VM_FAULT_SIGBUS;
	migrate_vma_pages(&args);
	migrate_vma_finalize(&args);
	return 0;
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_init(struct dev_pagemap *pgmap)
{
	pgmap->ops = &demo_ops;
}
