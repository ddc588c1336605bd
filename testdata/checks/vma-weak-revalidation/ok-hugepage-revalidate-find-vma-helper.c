/* Models hugepage_vma_revalidate() (6.12) called after mmap_write_lock(): it uses find_vma() plus a vm_start check and hands the new vma back through &vma. */
#include <linux/mm.h>
#include <linux/rmap.h>

extern struct folio *demo_alloc_hugepage(struct mm_struct *mm);
extern int demo_collapse_ptes(struct mm_struct *mm, unsigned long address, struct folio *folio);
extern bool demo_test_exit(struct mm_struct *mm);

static int demo_hugepage_vma_revalidate(struct mm_struct *mm, unsigned long address,
					struct vm_area_struct **vmap)
{
	struct vm_area_struct *vma;

	if (demo_test_exit(mm))
		return -ESRCH;
	vma = find_vma(mm, address);
	if (!vma || address < vma->vm_start)
		return -ENOENT;
	if (!vma->anon_vma || !vma_is_anonymous(vma))
		return -EINVAL;
	*vmap = vma;
	return 0;
}

int demo_collapse_huge_page(struct mm_struct *mm, unsigned long address)
{
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
	struct folio *folio;
	int result;

	mmap_read_lock(mm);
	result = demo_hugepage_vma_revalidate(mm, address, &vma);
	mmap_read_unlock(mm);
	if (result)
		return result;
	folio = demo_alloc_hugepage(mm);
	if (!folio)
		return -ENOMEM;

	mmap_write_lock(mm);
	result = demo_hugepage_vma_revalidate(mm, address, &vma);
	if (result)
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
