/* mmlock test header: device-memory migration (prototypes only). */
#ifndef _LINUX_MIGRATE_H
#define _LINUX_MIGRATE_H

#include <linux/mm.h>

#define MIGRATE_PFN_VALID	(1UL << 0)
#define MIGRATE_PFN_MIGRATE	(1UL << 1)
#define MIGRATE_PFN_WRITE	(1UL << 3)
#define MIGRATE_PFN_SHIFT	6

static inline unsigned long migrate_pfn(unsigned long pfn)
{
	return (pfn << MIGRATE_PFN_SHIFT) | MIGRATE_PFN_VALID;
}

extern struct page *migrate_pfn_to_page(unsigned long mpfn);

enum migrate_vma_direction {
	MIGRATE_VMA_SELECT_SYSTEM = 1 << 0,
	MIGRATE_VMA_SELECT_DEVICE_PRIVATE = 1 << 1,
	MIGRATE_VMA_SELECT_DEVICE_COHERENT = 1 << 2,
};

struct migrate_vma {
	struct vm_area_struct	*vma;
	/* one migrate-pfn entry per page of [start, end) in each array */
	unsigned long		*dst;
	unsigned long		*src;
	unsigned long		cpages;
	unsigned long		npages;
	unsigned long		start;
	unsigned long		end;

	/* Owner of device private pages to select (MIGRATE_VMA_SELECT_DEVICE_PRIVATE). */
	void			*pgmap_owner;
	unsigned long		flags;

	/* vmf->page when called from a migrate_to_ram() callback. */
	struct page		*fault_page;
};

/*
 * migrate_vma_setup - collect and isolate the pages of [start, end) of
 * args->vma.  Walks page tables with walk_page_range(): the mmap_lock of
 * args->vma->vm_mm must be held (mmap_assert_locked).
 */
extern int migrate_vma_setup(struct migrate_vma *args);
extern void migrate_vma_pages(struct migrate_vma *migrate);
extern void migrate_vma_finalize(struct migrate_vma *migrate);

#endif /* _LINUX_MIGRATE_H */
