/* A core helper calling the installed ->migrate_to_ram function directly, with and without the bail-out. */
#include <linux/mm.h>
#include <linux/memremap.h>
static vm_fault_t demo_migrate(struct vm_fault *vmf)
{
	return 0;
}

const struct dev_pagemap_ops demo_ops = {
	.migrate_to_ram = demo_migrate,
};

vm_fault_t demo_core(struct vm_fault *vmf)
{
	return demo_migrate(vmf);	/* expect: migrate-to-ram-under-vma-lock */
}

vm_fault_t demo_core_ok(struct vm_fault *vmf)
{
	if (vmf->flags & FAULT_FLAG_VMA_LOCK)
		return VM_FAULT_RETRY;
	return demo_migrate(vmf);
}
