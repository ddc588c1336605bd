/* Models a hugepage_vma_revalidate()-style helper that itself drops mmap_lock around an allocation and revalidates with vma == vma_lookup(). */
#include <linux/mm.h>

extern struct folio *demo_alloc_hugepage(struct mm_struct *mm);

static int demo_alloc_and_revalidate(struct mm_struct *mm, unsigned long address,
				     struct vm_area_struct *vma, struct folio **foliop)
{
	struct folio *folio;

	mmap_read_unlock(mm);
	folio = demo_alloc_hugepage(mm);
	mmap_read_lock(mm);
	if (!folio)
		return -ENOMEM;
	*foliop = folio;
	if (!(vma == vma_lookup(mm, address)))	/* expect: vma-weak-revalidation */
		return -EAGAIN;
	return 0;
}

int demo_scan_one(struct mm_struct *mm, unsigned long address, struct folio **foliop)
{
	struct vm_area_struct *vma;
	int ret;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, address);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EINVAL;
	}
	ret = demo_alloc_and_revalidate(mm, address, vma, foliop);
	mmap_read_unlock(mm);
	return ret;
}
