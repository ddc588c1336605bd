/* Models the 2016 interim khugepaged collapse fix: after mmap_write_lock() the old vma is "revalidated" with find_vma(mm, address) != vma and then used. */
#include <linux/mm.h>
#include <linux/rmap.h>

extern struct folio *demo_alloc_hugepage(struct mm_struct *mm);
extern int demo_collapse_ptes(struct mm_struct *mm, unsigned long address, struct folio *folio);

int demo_collapse_huge_page(struct mm_struct *mm, unsigned long address)
{
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
	struct folio *folio;
	int result = -EAGAIN;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, address);
	if (!vma || !vma->anon_vma) {
		mmap_read_unlock(mm);
		return -EINVAL;
	}
	/* the allocation may sleep for a long time: do it without mmap_lock */
	mmap_read_unlock(mm);
	folio = demo_alloc_hugepage(mm);
	if (!folio)
		return -ENOMEM;

	mmap_write_lock(mm);
	if (find_vma(mm, address) != vma)	/* expect: vma-weak-revalidation */
		goto out_up_write;
	anon_vma = vma->anon_vma;	/* expect: vma-stale-after-relock */
	anon_vma_lock_write(anon_vma);
	result = demo_collapse_ptes(mm, address, folio);
	anon_vma_unlock_write(anon_vma);
out_up_write:
	mmap_write_unlock(mm);
	folio_put(folio);
	return result;
}
