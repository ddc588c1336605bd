/* The callback reaches vma_lookup() through a helper of the same file. */
static int range_to_ram(struct my_range *r, struct mm_struct *mm,
			unsigned long start, unsigned long last)
{
	struct vm_area_struct *vma;

	vma = vma_lookup(mm, start);
	if (!vma)
		return -EFAULT;
	return copy_range_to_ram(r, vma, start, last);
}

static vm_fault_t svm_like_to_ram(struct vm_fault *vmf)
{
	struct my_range *r = vmf->page->zone_device_data;
	int ret;

	mutex_lock(&r->lock);
	ret = range_to_ram(r, vmf->vma->vm_mm, vmf->address, vmf->address);
	mutex_unlock(&r->lock);
	return ret ? VM_FAULT_SIGBUS : 0;
}

static const struct dev_pagemap_ops svm_like_ops = {
	.page_free = svm_like_page_free,
	.migrate_to_ram = svm_like_to_ram,
};
