/* Models a ->migrate_to_ram callback that drops the caller's mmap_lock while it waits for the device copy fence and re-takes it before returning. */
#include <linux/mm.h>
#include <linux/memremap.h>

struct demo_chunk {
	void *fence;
};

extern void demo_page_free(struct page *page);
extern int demo_fence_wait(void *fence);
extern int demo_copy_page_back(struct demo_chunk *chunk, struct page *page);

static int demo_wait_copy(struct mm_struct *mm, struct demo_chunk *chunk)
{
	int err;

	mmap_read_unlock(mm);
	err = demo_fence_wait(chunk->fence);
	mmap_read_lock(mm);
	return err;
}

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_chunk *chunk = vmf->page->zone_device_data;
	struct mm_struct *mm = vmf->vma->vm_mm;
	struct page *page = vmf->page;

	if (demo_copy_page_back(chunk, page))
		return VM_FAULT_SIGBUS;
	if (demo_wait_copy(mm, chunk))	/* expect: migrate-to-ram-mmap-lock */
		return VM_FAULT_SIGBUS;
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
