/* Models a ->migrate_to_ram callback that collects the device entries of the faulting granule with walk_page_range() and a pte_entry callback before copying them back. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/pagewalk.h>

struct demo_collect {
	unsigned long npages;
};

extern void demo_page_free(struct page *page);
extern vm_fault_t demo_copy_collected(struct demo_collect *c, struct vm_fault *vmf);

static int demo_collect_pte(pte_t *pte, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	struct demo_collect *c = walk->private;

	if (!pte_present(ptep_get(pte)) && !pte_none(ptep_get(pte)))
		c->npages++;
	return 0;
}

static const struct mm_walk_ops demo_collect_ops = {
	.pte_entry = demo_collect_pte,
	.walk_lock = PGWALK_RDLOCK,
};

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	unsigned long start = vmf->address & ~((1UL << 21) - 1);
	unsigned long end = min(start + (1UL << 21), vmf->vma->vm_end);
	struct demo_collect c = { 0 };

	start = max(start, vmf->vma->vm_start);
	if (walk_page_range(vmf->vma->vm_mm, start, end, &demo_collect_ops, &c))	/* expect: migrate-to-ram-mmap-lock */
		return VM_FAULT_SIGBUS;
	return demo_copy_collected(&c, vmf);
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_init(struct dev_pagemap *pgmap)
{
	pgmap->ops = &demo_ops;
}
