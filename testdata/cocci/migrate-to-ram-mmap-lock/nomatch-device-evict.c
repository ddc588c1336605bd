/* A callback that migrates with migrate_device_range(), which needs no
 * mmap_lock, and ops without a migrate_to_ram callback. */
static vm_fault_t evict_to_ram(struct vm_fault *vmf)
{
	unsigned long pfn = page_to_pfn(vmf->page);
	unsigned long src = 0, dst = 0;

	if (migrate_device_range(&src, pfn, 1))
		return VM_FAULT_SIGBUS;
	migrate_device_pages(&src, &dst, 1);
	migrate_device_finalize(&src, &dst, 1);
	return 0;
}

static const struct dev_pagemap_ops evict_ops = {
	.page_free = evict_page_free,
	.migrate_to_ram = evict_to_ram,
};

static const struct dev_pagemap_ops coherent_ops = {
	.page_free = coherent_page_free,
};
