/* Models a do_huge_pmd_device_private()-style PMD fault (pmd_lock, recheck, drop, call) without the FAULT_FLAG_VMA_LOCK bail-out. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/huge_mm.h>

vm_fault_t demo_huge_pmd_device_private(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct dev_pagemap *pgmap;
	vm_fault_t ret;

	vmf->ptl = pmd_lock(vma->vm_mm, vmf->pmd);
	if (unlikely(!pmd_same(*vmf->pmd, vmf->orig_pmd))) {
		spin_unlock(vmf->ptl);
		return 0;
	}
	vmf->page = pmd_page(vmf->orig_pmd);
	get_page(vmf->page);
	spin_unlock(vmf->ptl);

	pgmap = vmf->page->pgmap;
	ret = pgmap->ops->migrate_to_ram(vmf);	/* expect: migrate-to-ram-under-vma-lock */
	put_page(vmf->page);
	return ret;
}
