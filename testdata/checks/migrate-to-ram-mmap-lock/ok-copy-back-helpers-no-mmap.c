/* Models a ->migrate_to_ram callback with three levels of copy helpers (system page allocation for vmf->vma, bounce buffer, device DMA) and migrate_device_pages(); nothing in the chain needs mmap_lock. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>
#include <linux/slab.h>

struct demo_dev {
	void *dma_chan;
};

extern int demo_dma_read(void *chan, void *buf, struct page *src);
extern void demo_copy_to_page(struct page *dst, const void *buf);
extern void demo_page_free(struct page *page);
extern void migrate_device_pages(unsigned long *src_pfns,
				 unsigned long *dst_pfns, unsigned long npages);
extern void migrate_device_finalize(unsigned long *src_pfns,
				    unsigned long *dst_pfns, unsigned long npages);
extern int migrate_device_range(unsigned long *src_pfns, unsigned long start,
				unsigned long npages);

static int demo_dma_to_page(struct demo_dev *dev, struct page *dst,
			    struct page *src)
{
	void *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	int err = -ENOMEM;

	if (buf) {
		err = demo_dma_read(dev->dma_chan, buf, src);
		if (!err)
			demo_copy_to_page(dst, buf);
		kfree(buf);
	}
	return err;
}

static struct page *demo_copy_back(struct demo_dev *dev, struct vm_fault *vmf)
{
	struct page *dpage = alloc_page_vma(GFP_HIGHUSER, vmf->vma, vmf->address);

	if (dpage && demo_dma_to_page(dev, dpage, vmf->page)) {
		__free_page(dpage);
		dpage = NULL;
	}
	return dpage;
}

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_dev *dev = vmf->page->pgmap->owner;
	unsigned long src = 0, dst = 0;
	struct page *dpage;

	if (migrate_device_range(&src, page_to_pfn(vmf->page), 1))
		return VM_FAULT_SIGBUS;
	dpage = demo_copy_back(dev, vmf);
	if (dpage)
		dst = migrate_pfn(page_to_pfn(dpage));
	migrate_device_pages(&src, &dst, 1);
	migrate_device_finalize(&src, &dst, 1);
	return dpage ? 0 : VM_FAULT_SIGBUS;
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_init(struct dev_pagemap *pgmap, struct demo_dev *dev)
{
	pgmap->owner = dev;
	pgmap->ops = &demo_ops;
}
