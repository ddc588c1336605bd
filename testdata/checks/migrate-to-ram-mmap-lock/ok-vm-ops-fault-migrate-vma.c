/* Models a driver's vm_operations_struct ->fault (no ->map_pages, so 6.12 do_fault() never runs it under the VMA lock alone) that uses migrate_vma_setup(); it is not a dev_pagemap_ops callback. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

extern int demo_fill_dst(struct migrate_vma *args);
extern void demo_page_free(struct page *page);
extern vm_fault_t demo_evict_page(struct page *page);

static vm_fault_t demo_vm_fault(struct vm_fault *vmf)
{
	unsigned long src = 0, dst = 0;
	struct migrate_vma args = {
		.vma = vmf->vma, .start = vmf->address,
		.end = vmf->address + PAGE_SIZE,
		.src = &src, .dst = &dst,
		.flags = MIGRATE_VMA_SELECT_SYSTEM,
	};

	if (migrate_vma_setup(&args))
		return VM_FAULT_SIGBUS;
	if (!demo_fill_dst(&args))
		migrate_vma_pages(&args);
	migrate_vma_finalize(&args);
	return VM_FAULT_NOPAGE;
}

static const struct vm_operations_struct demo_vm_ops = {
	.fault = demo_vm_fault,
};

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	return demo_evict_page(vmf->page);
}

static const struct dev_pagemap_ops demo_pgmap_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_pgmap_init(struct dev_pagemap *pgmap)
{
	pgmap->ops = &demo_pgmap_ops;
}

int demo_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &demo_vm_ops;
	return 0;
}
