/* Models kvmppc_uvmem_migrate_to_ram() -> kvmppc_svm_page_out() -> __kvmppc_svm_page_out() -> migrate_vma_setup() under the per-VM uvmem mutex. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/migrate.h>

struct demo_kvm {
	struct mutex uvmem_lock;
	unsigned long lpid;
};

struct demo_page_pvt {
	struct demo_kvm *kvm;
	unsigned long gpa;
};

extern void demo_uvmem_page_free(struct page *page);
extern int demo_uv_page_out(unsigned long lpid, unsigned long dst_pfn,
			    unsigned long gpa, unsigned long shift);

static int __demo_svm_page_out(struct vm_area_struct *vma, unsigned long start,
			       unsigned long end, unsigned long shift,
			       struct demo_kvm *kvm, unsigned long gpa,
			       struct page *fault_page)
{
	unsigned long src_pfn = 0, dst_pfn = 0;
	struct migrate_vma mig = {
		.vma = vma, .start = start, .end = end,
		.src = &src_pfn, .dst = &dst_pfn,
		.flags = MIGRATE_VMA_SELECT_DEVICE_PRIVATE,
		.fault_page = fault_page,
	};
	struct page *dpage;
	int ret;

	ret = migrate_vma_setup(&mig);
	if (ret)
		return -1;
	if (!(src_pfn & MIGRATE_PFN_MIGRATE))
		goto out_finalize;
	dpage = alloc_page_vma(GFP_HIGHUSER, vma, start);
	if (!dpage) {
		ret = -1;
		goto out_finalize;
	}
	ret = demo_uv_page_out(kvm->lpid, page_to_pfn(dpage) << PAGE_SHIFT, gpa, shift);
	if (!ret)
		dst_pfn = migrate_pfn(page_to_pfn(dpage));
	migrate_vma_pages(&mig);
out_finalize:
	migrate_vma_finalize(&mig);
	return ret;
}

static int demo_svm_page_out(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end, unsigned long shift,
			     struct demo_kvm *kvm, unsigned long gpa,
			     struct page *fault_page)
{
	int ret;

	mutex_lock(&kvm->uvmem_lock);
	ret = __demo_svm_page_out(vma, start, end, shift, kvm, gpa, fault_page);
	mutex_unlock(&kvm->uvmem_lock);
	return ret;
}

static vm_fault_t demo_uvmem_migrate_to_ram(struct vm_fault *vmf)
{
	struct demo_page_pvt *pvt = vmf->page->zone_device_data;

	if (demo_svm_page_out(vmf->vma, vmf->address,	/* expect: migrate-to-ram-mmap-lock */
			      vmf->address + PAGE_SIZE, PAGE_SHIFT,
			      pvt->kvm, pvt->gpa, vmf->page))
		return VM_FAULT_SIGBUS;
	return 0;
}

static const struct dev_pagemap_ops demo_uvmem_ops = {
	.page_free = demo_uvmem_page_free,
	.migrate_to_ram	= demo_uvmem_migrate_to_ram,
};

void demo_uvmem_init(struct dev_pagemap *pgmap)
{
	pgmap->type = MEMORY_DEVICE_PRIVATE;
	pgmap->ops = &demo_uvmem_ops;
}
