/* A device-private driver's CPU fault callback migrating one page back. */
static vm_fault_t mydev_migrate_to_ram(struct vm_fault *vmf)
{
	unsigned long src = 0, dst = 0;
	struct migrate_vma args = {
		.vma = vmf->vma,
		.start = vmf->address,
		.end = vmf->address + PAGE_SIZE,
		.src = &src,
		.dst = &dst,
		.fault_page = vmf->page,
		.flags = MIGRATE_VMA_SELECT_DEVICE_PRIVATE,
	};

	if (migrate_vma_setup(&args))
		return VM_FAULT_SIGBUS;
	if (args.cpages)
		mydev_copy_back(&args);
	migrate_vma_pages(&args);
	migrate_vma_finalize(&args);
	return 0;
}

static const struct dev_pagemap_ops mydev_pagemap_ops = {
	.page_free = mydev_page_free,
	.migrate_to_ram = mydev_migrate_to_ram,
};
