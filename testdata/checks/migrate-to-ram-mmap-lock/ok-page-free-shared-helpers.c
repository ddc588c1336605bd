/* Models ->page_free and ->migrate_to_ram sharing chunk bookkeeping helpers (two levels, a spinlock-protected free list); the callback migrates its page with migrate_device_range() and nothing needs mmap_lock. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

struct demo_chunk {
	struct dev_pagemap pagemap;
	spinlock_t lock;
	unsigned long used;
	struct page *free_list;
};

extern int migrate_device_range(unsigned long *src_pfns, unsigned long start,
				unsigned long npages);
extern void migrate_device_pages(unsigned long *src_pfns,
				 unsigned long *dst_pfns, unsigned long npages);
extern void migrate_device_finalize(unsigned long *src_pfns,
				    unsigned long *dst_pfns, unsigned long npages);

static struct demo_chunk *demo_page_chunk(struct page *page)
{
	return container_of(page->pgmap, struct demo_chunk, pagemap);
}

static void demo_chunk_put_page(struct demo_chunk *chunk, struct page *page)
{
	spin_lock(&chunk->lock);
	page->zone_device_data = chunk->free_list;
	chunk->free_list = page;
	chunk->used--;
	spin_unlock(&chunk->lock);
}

static void demo_page_free(struct page *page)
{
	demo_chunk_put_page(demo_page_chunk(page), page);
}

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_chunk *chunk = demo_page_chunk(vmf->page);
	unsigned long pfn = page_to_pfn(vmf->page);
	unsigned long src = 0, dst = 0;
	struct page *dpage;

	if (!chunk || migrate_device_range(&src, pfn, 1))
		return VM_FAULT_SIGBUS;
	dpage = alloc_page(GFP_HIGHUSER);
	if (dpage)
		dst = migrate_pfn(page_to_pfn(dpage));
	migrate_device_pages(&src, &dst, 1);
	migrate_device_finalize(&src, &dst, 1);
	return dpage ? 0 : VM_FAULT_OOM;
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_chunk_init(struct demo_chunk *chunk)
{
	spin_lock_init(&chunk->lock);
	chunk->pagemap.type = MEMORY_DEVICE_PRIVATE;
	chunk->pagemap.ops = &demo_ops;
}
