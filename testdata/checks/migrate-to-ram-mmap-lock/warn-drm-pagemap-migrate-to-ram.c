/* Models drm_pagemap_migrate_to_ram() -> __drm_pagemap_migrate_to_ram() (xe): the helper clamps the range to the vma, allocates pfn arrays and calls migrate_vma_setup(); the evict path uses migrate_device_range() and is not a callback. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>
#include <linux/slab.h>

struct demo_zdd {
	void *owner;
	bool has_devmem;
};

extern void demo_page_free(struct page *page);
extern int migrate_device_range(unsigned long *src_pfns, unsigned long start,
				unsigned long npages);
extern void migrate_device_pages(unsigned long *src_pfns,
				 unsigned long *dst_pfns, unsigned long npages);
extern void migrate_device_finalize(unsigned long *src_pfns,
				    unsigned long *dst_pfns, unsigned long npages);

static int __demo_migrate_to_ram(struct vm_area_struct *vas, void *owner,
				 struct page *page, unsigned long fault_addr,
				 unsigned long size)
{
	struct migrate_vma migrate = {
		.vma = vas,
		.pgmap_owner = owner,
		.flags = MIGRATE_VMA_SELECT_DEVICE_PRIVATE,
		.fault_page = page,
	};
	unsigned long start = max(ALIGN(fault_addr, size) - size, vas->vm_start);
	unsigned long end = min(start + size, vas->vm_end);
	unsigned long npages = (end - start) >> PAGE_SHIFT;
	unsigned long *buf;
	int err;

	buf = kcalloc(2 * npages, sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	migrate.start = start;
	migrate.end = end;
	migrate.src = buf;
	migrate.dst = buf + npages;
	err = migrate_vma_setup(&migrate);
	if (!err && migrate.cpages) {
		migrate_vma_pages(&migrate);
		migrate_vma_finalize(&migrate);
	}
	kfree(buf);
	return err;
}

/* Evicts a whole allocation; does not need mmap_lock. */
int demo_evict_to_ram(unsigned long first_pfn, unsigned long npages)
{
	unsigned long *src, *dst;
	int err;

	src = kcalloc(npages, sizeof(*src), GFP_KERNEL);
	dst = kcalloc(npages, sizeof(*dst), GFP_KERNEL);
	err = (src && dst) ? migrate_device_range(src, first_pfn, npages) : -ENOMEM;
	if (!err) {
		migrate_device_pages(src, dst, npages);
		migrate_device_finalize(src, dst, npages);
	}
	kfree(dst);
	kfree(src);
	return err;
}

static vm_fault_t demo_pagemap_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_zdd *zdd = vmf->page->zone_device_data;
	int err;

	if (!zdd->has_devmem)
		return 0;
	err = __demo_migrate_to_ram(vmf->vma, zdd->owner, vmf->page,	/* expect: migrate-to-ram-mmap-lock */
				    vmf->address, 1UL << 21);
	return err ? VM_FAULT_SIGBUS : 0;
}

static const struct dev_pagemap_ops demo_pagemap_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_pagemap_migrate_to_ram,
};

const struct dev_pagemap_ops *demo_pagemap_ops_get(void)
{
	return &demo_pagemap_ops;
}
