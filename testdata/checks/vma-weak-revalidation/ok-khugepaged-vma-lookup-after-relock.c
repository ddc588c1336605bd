/* Models khugepaged's collapse after the 2016 fix, inlined: after mmap_write_lock() the vma is looked up again with vma_lookup() and re-checked before use. */
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
	mmap_read_unlock(mm);
	folio = demo_alloc_hugepage(mm);
	if (!folio)
		return -ENOMEM;

	mmap_write_lock(mm);
	vma = vma_lookup(mm, address);
	if (!vma || !vma->anon_vma || !vma_is_anonymous(vma))
		goto out_up_write;
	anon_vma = vma->anon_vma;
	anon_vma_lock_write(anon_vma);
	result = demo_collapse_ptes(mm, address, folio);
	anon_vma_unlock_write(anon_vma);
out_up_write:
	mmap_write_unlock(mm);
	folio_put(folio);
	return result;
}
