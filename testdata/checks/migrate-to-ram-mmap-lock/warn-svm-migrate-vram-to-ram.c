/* Models amdkfd svm_migrate_to_ram() -> svm_migrate_vram_to_ram() -> vma_lookup(): the callback pins the owner's mm, takes the range mutex and migrates the granule back. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

struct demo_range {
	struct mutex migrate_mutex;
	unsigned long start, last;	/* in pages */
	unsigned int granularity;
	int actual_loc;
};

struct demo_bo {
	struct mm_struct *mm;
	struct demo_range *range;
};

extern void demo_page_free(struct page *page);

/* Clamp the migration granule around addr to the range. */
static void demo_granule(struct demo_range *r, unsigned long addr,
			 unsigned long *start, unsigned long *last)
{
	unsigned long size = 1UL << r->granularity;

	*start = max(addr & ~(size - 1), r->start);
	*last = min((addr | (size - 1)), r->last);
}

static int demo_migrate_vma_to_ram(struct vm_area_struct *vma,
				   unsigned long start, unsigned long end,
				   struct page *fault_page)
{
	struct migrate_vma migrate = {
		.vma = vma, .start = start, .end = end,
		.flags = MIGRATE_VMA_SELECT_DEVICE_PRIVATE,
		.fault_page = fault_page,
	};

	return migrate_vma_setup(&migrate);
}

/* Caller holds mmap_lock of mm for read. */
static int demo_vram_to_ram(struct demo_range *r, struct mm_struct *mm,
			    unsigned long start, unsigned long last,
			    struct page *fault_page)
{
	unsigned long addr = start << PAGE_SHIFT, end = (last + 1) << PAGE_SHIFT;
	int err = 0;

	while (addr < end && !err) {
		struct vm_area_struct *vma = vma_lookup(mm, addr);
		unsigned long next;

		if (!vma)
			break;
		next = min(vma->vm_end, end);
		err = demo_migrate_vma_to_ram(vma, addr, next, fault_page);
		addr = next;
	}
	if (!err)
		r->actual_loc = 0;
	return err;
}

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_bo *bo = vmf->page->zone_device_data;
	unsigned long addr = vmf->address >> PAGE_SHIFT;
	unsigned long start, last;
	struct demo_range *r;
	int err = 0;

	if (!bo || !mmget_not_zero(bo->mm))
		return VM_FAULT_SIGBUS;
	r = bo->range;
	mutex_lock(&r->migrate_mutex);
	if (!r->actual_loc)
		goto out_unlock;
	demo_granule(r, addr, &start, &last);
	err = demo_vram_to_ram(r, vmf->vma->vm_mm, start, last, vmf->page);	/* expect: migrate-to-ram-mmap-lock */
out_unlock:
	mutex_unlock(&r->migrate_mutex);
	mmput(bo->mm);
	return err ? VM_FAULT_SIGBUS : 0;
}

static const struct dev_pagemap_ops demo_pgmap_ops = {
	.page_free		= demo_page_free,
	.migrate_to_ram		= demo_migrate_to_ram,
};

void demo_pgmap_init(struct dev_pagemap *pgmap)
{
	pgmap->type = MEMORY_DEVICE_PRIVATE;
	pgmap->ops = &demo_pgmap_ops;
}
