/*
 * The nouveau_dmem_migrate_to_ram() shape: the destination page is locked
 * after allocation, but the copy helper of this file locks it too. The
 * source entry is written by migrate_vma_setup() through args.src, so the
 * 'src = 0' before the call says nothing about it afterwards.
 */
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/pagemap.h>
#include <linux/migrate.h>

extern int demo_copy(struct page *spage, struct page *dpage);

static int demo_copy_one(struct page *spage, struct page *dpage)
{
	lock_page(dpage);
	return demo_copy(spage, dpage);
}

vm_fault_t demo_to_ram(struct vm_fault *vmf)
{
	unsigned long src = 0, dst = 0;
	struct migrate_vma args = {
		.vma = vmf->vma,
		.start = vmf->address,
		.end = vmf->address + PAGE_SIZE,
		.src = &src,
		.dst = &dst,
	};
	struct page *spage, *dpage;
	vm_fault_t ret = 0;

	if (migrate_vma_setup(&args) < 0)
		return VM_FAULT_SIGBUS;
	spage = migrate_pfn_to_page(src);
	if (!spage || !(src & MIGRATE_PFN_MIGRATE))
		goto done;
	dpage = alloc_page_vma(GFP_HIGHUSER, vmf->vma, vmf->address);
	if (!dpage)
		goto done;
	lock_page(dpage);
	if (demo_copy_one(spage, dpage))	/* expect: lock-double-acquire */
		ret = VM_FAULT_SIGBUS;
	unlock_page(dpage);
done:
	migrate_vma_finalize(&args);
	return ret;
}
