/* Models a fault-shaped helper (vm_fault argument, migrate_vma_setup()) that is only called by a debugfs trigger under mmap_read_lock and never installed as ->migrate_to_ram; the installed callback evicts with migrate_device_range(). */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

extern int migrate_device_range(unsigned long *src_pfns, unsigned long start,
				unsigned long npages);
extern void migrate_device_pages(unsigned long *src_pfns,
				 unsigned long *dst_pfns, unsigned long npages);
extern void migrate_device_finalize(unsigned long *src_pfns,
				    unsigned long *dst_pfns, unsigned long npages);
extern void demo_page_free(struct page *page);

static vm_fault_t demo_fault_back(struct vm_fault *vmf)
{
	unsigned long src = 0, dst = 0;
	struct migrate_vma args = {
		.vma = vmf->vma, .start = vmf->address,
		.end = vmf->address + PAGE_SIZE,
		.src = &src, .dst = &dst,
		.flags = MIGRATE_VMA_SELECT_DEVICE_PRIVATE,
	};

	if (migrate_vma_setup(&args))
		return VM_FAULT_SIGBUS;
	migrate_vma_pages(&args);
	migrate_vma_finalize(&args);
	return 0;
}

int demo_debugfs_fault_back(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	vm_fault_t ret = VM_FAULT_SIGBUS;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (vma) {
		struct vm_fault vmf = { .vma = vma, .address = addr };

		ret = demo_fault_back(&vmf);
	}
	mmap_read_unlock(mm);
	return ret ? -EFAULT : 0;
}

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	unsigned long src = 0, dst = 0;

	if (migrate_device_range(&src, page_to_pfn(vmf->page), 1))
		return VM_FAULT_SIGBUS;
	migrate_device_pages(&src, &dst, 1);
	migrate_device_finalize(&src, &dst, 1);
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
