/* Models a ->migrate_to_ram callback that migrates a whole prefetch window back: its helper walks the VMAs of the window with for_each_vma_range() (vma_find). */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

extern void demo_page_free(struct page *page);
extern int demo_migrate_vma_back(struct vm_area_struct *vma, unsigned long start,
				 unsigned long end, void *owner);

static int demo_migrate_window(struct mm_struct *mm, unsigned long start,
			       unsigned long end, void *owner)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, mm, start);
	int err = 0;

	for_each_vma_range(vmi, vma, end) {
		err = demo_migrate_vma_back(vma, max(start, vma->vm_start),
					    min(end, vma->vm_end), owner);
		if (err)
			break;
	}
	return err;
}

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	unsigned long start = vmf->address & ~((16 * PAGE_SIZE) - 1);

	if (demo_migrate_window(vmf->vma->vm_mm, start, start + 16 * PAGE_SIZE,	/* expect: migrate-to-ram-mmap-lock */
				vmf->page->pgmap->owner))
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
