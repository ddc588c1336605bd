/* Models a driver whose ->migrate_to_ram just returns VM_FAULT_SIGBUS, while its migrate-to-device ioctl path (not a callback) takes mmap_read_lock, finds the vma and calls migrate_vma_setup(). */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

extern void demo_page_free(struct page *page);
extern int demo_alloc_device_pages(struct migrate_vma *args);

static int demo_migrate_vma_to_device(struct vm_area_struct *vma,
				      unsigned long start, unsigned long end,
				      void *owner)
{
	unsigned long src = 0, dst = 0;
	struct migrate_vma args = {
		.vma = vma, .start = start, .end = end,
		.src = &src, .dst = &dst, .pgmap_owner = owner,
		.flags = MIGRATE_VMA_SELECT_SYSTEM,
	};
	int err;

	err = migrate_vma_setup(&args);
	if (err)
		return err;
	err = demo_alloc_device_pages(&args);
	migrate_vma_pages(&args);
	migrate_vma_finalize(&args);
	return err;
}

int demo_ioctl_migrate_to_device(struct mm_struct *mm, unsigned long addr,
				 void *owner)
{
	struct vm_area_struct *vma;
	int err = -EINVAL;

	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr)
		err = demo_migrate_vma_to_device(vma, addr, addr + PAGE_SIZE, owner);
	mmap_read_unlock(mm);
	return err;
}

/* The device never hands its pages to the CPU. */
static vm_fault_t demo_migrate_to_ram(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

static const struct dev_pagemap_ops demo_ops = {
	.page_free = demo_page_free,
	.migrate_to_ram = demo_migrate_to_ram,
};

void demo_init(struct dev_pagemap *pgmap)
{
	pgmap->ops = &demo_ops;
}
