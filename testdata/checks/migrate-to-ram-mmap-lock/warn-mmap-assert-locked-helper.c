/* Models a ->migrate_to_ram callback whose common helper documents and asserts its contract with mmap_assert_locked() (the 6.12 callbacks all rely on it implicitly). */
#include <linux/mm.h>
#include <linux/memremap.h>

struct demo_dev {
	void *owner;
};

extern void demo_page_free(struct page *page);
extern int demo_dma_copy_to_sys(struct demo_dev *dev, struct page *dst,
				struct page *src);

/* Context: mmap_lock of vma->vm_mm held. */
static vm_fault_t demo_copy_to_sys(struct demo_dev *dev, struct vm_area_struct *vma,
				   unsigned long addr, struct page *src)
{
	struct page *dst;

	mmap_assert_locked(vma->vm_mm);
	dst = alloc_page_vma(GFP_HIGHUSER, vma, addr);
	if (!dst)
		return VM_FAULT_OOM;
	if (demo_dma_copy_to_sys(dev, dst, src)) {
		__free_page(dst);
		return VM_FAULT_SIGBUS;
	}
	return 0;
}

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_dev *dev = vmf->page->zone_device_data;

	return demo_copy_to_sys(dev, vmf->vma, vmf->address, vmf->page);	/* expect: migrate-to-ram-mmap-lock */
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_init(struct dev_pagemap *pgmap)
{
	pgmap->ops = &demo_ops;
}
