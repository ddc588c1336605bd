/* Models a ->migrate_to_ram callback whose copy-back helper first snapshots the CPU range with hmm_range_fault() (retry loop on the interval notifier) before migrating. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>
#include <linux/hmm.h>

struct demo_svm {
	struct mmu_interval_notifier notifier;
	void *owner;
};

extern void demo_page_free(struct page *page);
extern vm_fault_t demo_copy_pages(struct demo_svm *svm, struct migrate_vma *args);

/* hmm_range_fault() needs the notifier's mm locked for read. */
static int demo_snapshot(struct demo_svm *svm, unsigned long start,
			 unsigned long *pfns)
{
	struct hmm_range range = {
		.notifier = &svm->notifier,
		.start = start,
		.end = start + PAGE_SIZE,
		.hmm_pfns = pfns,
		.dev_private_owner = svm->owner,
	};
	int ret;

	do {
		range.notifier_seq = mmu_interval_read_begin(range.notifier);
		ret = hmm_range_fault(&range);
	} while (ret == -EBUSY);
	return ret;
}

static vm_fault_t demo_migrate_back(struct demo_svm *svm, struct vm_fault *vmf)
{
	unsigned long snap = 0, src = 0, dst = 0;
	struct migrate_vma args = {
		.vma = vmf->vma, .start = vmf->address,
		.end = vmf->address + PAGE_SIZE,
		.src = &src, .dst = &dst, .pgmap_owner = svm->owner,
		.flags = MIGRATE_VMA_SELECT_DEVICE_PRIVATE,
		.fault_page = vmf->page,
	};
	vm_fault_t ret;

	if (demo_snapshot(svm, vmf->address, &snap))
		return VM_FAULT_SIGBUS;
	if (migrate_vma_setup(&args))
		return VM_FAULT_SIGBUS;
	ret = demo_copy_pages(svm, &args);
	migrate_vma_pages(&args);
	migrate_vma_finalize(&args);
	return ret;
}

static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_svm *svm = vmf->page->zone_device_data;

	if (!svm)
		return VM_FAULT_SIGBUS;
	return demo_migrate_back(svm, vmf);	/* expect: migrate-to-ram-mmap-lock */
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_init(struct dev_pagemap *pgmap)
{
	pgmap->ops = &demo_ops;
}
