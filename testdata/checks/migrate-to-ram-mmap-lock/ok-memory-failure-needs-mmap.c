/* Models dev_pagemap_ops whose mmap-dependent helper is installed as ->memory_failure (it takes mmap_read_lock and find_vma itself), not as ->migrate_to_ram; the migrate_to_ram callback only copies. */
#include <linux/mm.h>
#include <linux/memremap.h>

struct demo_dev {
	struct mm_struct *mm;
	unsigned long base;
};

extern int demo_copy_page_to_sys(struct demo_dev *dev, struct page *page);
extern void demo_page_free(struct page *page);
extern void demo_poison_range(struct vm_area_struct *vma, unsigned long addr);

static int demo_poison_user_mapping(struct demo_dev *dev, unsigned long addr)
{
	struct vm_area_struct *vma;

	if (!mmget_not_zero(dev->mm))
		return 0;
	mmap_read_lock(dev->mm);
	vma = find_vma(dev->mm, addr);
	if (vma && vma->vm_start <= addr)
		demo_poison_range(vma, addr);
	mmap_read_unlock(dev->mm);
	mmput(dev->mm);
	return 0;
}

static int demo_memory_failure(struct dev_pagemap *pgmap, unsigned long pfn,
			       unsigned long nr_pages, int mf_flags)
{
	struct demo_dev *dev = pgmap->owner;

	return demo_poison_user_mapping(dev, dev->base + (pfn << PAGE_SHIFT));
}

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_dev *dev = vmf->page->pgmap->owner;

	return demo_copy_page_to_sys(dev, vmf->page) ? VM_FAULT_SIGBUS : 0;
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
	.memory_failure = demo_memory_failure,
};

void demo_init(struct dev_pagemap *pgmap, struct demo_dev *dev)
{
	pgmap->owner = dev;
	pgmap->ops = &demo_ops;
}
