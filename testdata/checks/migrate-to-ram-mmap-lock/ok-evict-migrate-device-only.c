/* Models a ->migrate_to_ram callback that evicts the page's whole device chunk with migrate_device_range/pages/finalize (drm_pagemap_evict_to_ram() style), which needs no mmap_lock. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>
#include <linux/slab.h>

struct demo_chunk {
	unsigned long first_pfn;
	unsigned long npages;
};

extern int migrate_device_range(unsigned long *src_pfns, unsigned long start,
				unsigned long npages);
extern void migrate_device_pages(unsigned long *src_pfns,
				 unsigned long *dst_pfns, unsigned long npages);
extern void migrate_device_finalize(unsigned long *src_pfns,
				    unsigned long *dst_pfns, unsigned long npages);
extern int demo_copy_to_sys(struct page *dst, struct page *src);
extern void demo_page_free(struct page *page);

static int demo_copy_chunk(unsigned long *src, unsigned long *dst,
			   unsigned long npages)
{
	for (unsigned long i = 0; i < npages; i++) {
		struct page *spage = migrate_pfn_to_page(src[i]), *dpage;

		if (!spage || !(src[i] & MIGRATE_PFN_MIGRATE))
			continue;
		dpage = alloc_page(GFP_HIGHUSER);
		if (!dpage || demo_copy_to_sys(dpage, spage))
			return -ENOMEM;
		dst[i] = migrate_pfn(page_to_pfn(dpage));
	}
	return 0;
}

static int demo_evict_chunk(struct demo_chunk *chunk)
{
	unsigned long *src, *dst;
	int err = -ENOMEM;

	src = kcalloc(chunk->npages, sizeof(*src), GFP_KERNEL);
	dst = kcalloc(chunk->npages, sizeof(*dst), GFP_KERNEL);
	if (!src || !dst)
		goto out;
	err = migrate_device_range(src, chunk->first_pfn, chunk->npages);
	if (err)
		goto out;
	err = demo_copy_chunk(src, dst, chunk->npages);
	migrate_device_pages(src, dst, chunk->npages);
	migrate_device_finalize(src, dst, chunk->npages);
out:
	kfree(dst);
	kfree(src);
	return err;
}

static vm_fault_t demo_evict_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_chunk *chunk = vmf->page->zone_device_data;

	return demo_evict_chunk(chunk) ? VM_FAULT_SIGBUS : 0;
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_evict_migrate_to_ram,
};

void demo_init(struct dev_pagemap *pgmap)
{
	pgmap->ops = &demo_ops;
}
