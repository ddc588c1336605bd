/* mmlock test header: ZONE_DEVICE pagemaps and their ops. */
#ifndef _LINUX_MEMREMAP_H
#define _LINUX_MEMREMAP_H

#include <linux/types.h>
#include <linux/mm_types.h>

struct device;
struct vm_fault;

struct range {
	u64 start;
	u64 end;
};

enum memory_type {
	/* 0 is left unused on purpose */
	MEMORY_DEVICE_PRIVATE = 1,
	MEMORY_DEVICE_COHERENT,
	MEMORY_DEVICE_FS_DAX,
	MEMORY_DEVICE_GENERIC,
	MEMORY_DEVICE_PCI_P2PDMA,
};

struct dev_pagemap_ops {
	/* last reference to a device page dropped */
	void (*page_free)(struct page *page);

	/*
	 * DEVICE_PRIVATE only: bring the page at vmf->address back to system
	 * memory.  do_swap_page() calls it holding mmap_lock of
	 * vmf->vma->vm_mm (it bails out with RETRY under a VMA lock alone).
	 */
	vm_fault_t (*migrate_to_ram)(struct vm_fault *vmf);

	int (*memory_failure)(struct dev_pagemap *pgmap, unsigned long pfn,
			      unsigned long nr_pages, int mf_flags);
};

#define PGMAP_ALTMAP_VALID	(1 << 0)

struct dev_pagemap {
	struct completion *done;
	enum memory_type type;
	unsigned int flags;
	unsigned long vmemmap_shift;
	const struct dev_pagemap_ops *ops;
	void *owner;
	int nr_range;
	union {
		struct range range;
		struct range ranges[1];
	};
};

static inline bool is_device_private_page(const struct page *page)
{
	return page->pgmap && page->pgmap->type == MEMORY_DEVICE_PRIVATE;
}

extern void *memremap_pages(struct dev_pagemap *pgmap, int nid);
extern void memunmap_pages(struct dev_pagemap *pgmap);

#endif /* _LINUX_MEMREMAP_H */
