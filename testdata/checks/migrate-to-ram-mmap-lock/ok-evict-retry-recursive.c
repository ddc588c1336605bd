/* Models a ->migrate_to_ram callback that evicts its chunk with migrate_device_range() and retries the eviction recursively on -EBUSY; the mmap-dependent range helper is only used by the ioctl path. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

struct demo_chunk {
	unsigned long first_pfn;
	unsigned long npages;
	unsigned long *src, *dst;
};

extern int migrate_device_range(unsigned long *src_pfns, unsigned long start,
				unsigned long npages);
extern void migrate_device_pages(unsigned long *src_pfns,
				 unsigned long *dst_pfns, unsigned long npages);
extern void migrate_device_finalize(unsigned long *src_pfns,
				    unsigned long *dst_pfns, unsigned long npages);
extern int demo_copy_chunk(struct demo_chunk *chunk);
extern void demo_page_free(struct page *page);

static int demo_evict(struct demo_chunk *chunk, int retries)
{
	int err = migrate_device_range(chunk->src, chunk->first_pfn, chunk->npages);

	if (err)
		return err;
	err = demo_copy_chunk(chunk);
	migrate_device_pages(chunk->src, chunk->dst, chunk->npages);
	migrate_device_finalize(chunk->src, chunk->dst, chunk->npages);
	if (err == -EBUSY && retries > 0)
		return demo_evict(chunk, retries - 1);
	return err;
}

/* Context: mmap_lock of mm held (called from the prefetch ioctl). */
static bool demo_range_is_mapped(struct mm_struct *mm, unsigned long start,
				 unsigned long end)
{
	struct vm_area_struct *vma = vma_lookup(mm, start);

	return vma && end <= vma->vm_end;
}

int demo_ioctl_prefetch(struct mm_struct *mm, unsigned long start,
			unsigned long end, struct demo_chunk *chunk)
{
	int err = -EFAULT;

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	if (demo_range_is_mapped(mm, start, end))
		err = demo_evict(chunk, 3);
	mmap_read_unlock(mm);
	return err;
}

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_chunk *chunk = vmf->page->zone_device_data;

	return demo_evict(chunk, 3) ? VM_FAULT_SIGBUS : 0;
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_init(struct dev_pagemap *pgmap)
{
	pgmap->ops = &demo_ops;
}
