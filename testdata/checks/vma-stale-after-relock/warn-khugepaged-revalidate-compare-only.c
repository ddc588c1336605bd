/* Models an interim khugepaged fix that only compares find_vma() with the old pointer after re-taking mmap_lock: equal pointers do not make the old vma valid (freed and reused, or changed in place). */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/rmap.h>

enum scan_result {
	SCAN_FAIL,
	SCAN_SUCCEED,
	SCAN_ANY_PROCESS,
	SCAN_VMA_NULL,
	SCAN_VMA_CHECK,
	SCAN_ADDRESS_RANGE,
	SCAN_ALLOC_HUGE_PAGE_FAIL,
};

#define HPAGE_PMD_ORDER	(PMD_SHIFT - PAGE_SHIFT)

extern bool demo_khugepaged_test_exit(struct mm_struct *mm);
extern struct folio *demo_alloc_hugepage(struct mm_struct *mm);
extern int demo_scan_pmd(struct vm_area_struct *vma, unsigned long address);
extern int demo_collapse_ptes(struct mm_struct *mm, unsigned long address, struct folio *folio);

static int demo_hugepage_vma_revalidate(struct mm_struct *mm, unsigned long address)
{
	struct vm_area_struct *vma;

	if (demo_khugepaged_test_exit(mm))
		return SCAN_ANY_PROCESS;
	vma = find_vma(mm, address);
	if (!vma || vma->vm_start > address)
		return SCAN_VMA_NULL;
	if (!thp_vma_suitable_order(vma, address, HPAGE_PMD_ORDER))
		return SCAN_ADDRESS_RANGE;
	if (!vma->anon_vma || !vma_is_anonymous(vma))
		return SCAN_VMA_CHECK;
	return SCAN_SUCCEED;
}

int demo_khugepaged_collapse(struct mm_struct *mm, unsigned long address)
{
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
	struct folio *folio;
	int result;

	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (!vma || vma->vm_start > address || !vma->anon_vma) {
		mmap_read_unlock(mm);
		return SCAN_VMA_NULL;
	}
	result = demo_scan_pmd(vma, address);
	/* do not hold mmap_lock across a possibly long allocation */
	mmap_read_unlock(mm);
	if (result != SCAN_SUCCEED)
		return result;

	folio = demo_alloc_hugepage(mm);
	if (!folio)
		return SCAN_ALLOC_HUGE_PAGE_FAIL;

	mmap_write_lock(mm);
	result = demo_hugepage_vma_revalidate(mm, address);
	if (result != SCAN_SUCCEED)
		goto out_up_write;
	if (find_vma(mm, address) != vma) {	/* expect: vma-weak-revalidation */
		result = SCAN_VMA_CHECK;
		goto out_up_write;
	}

	anon_vma = vma->anon_vma;	/* expect: vma-stale-after-relock */
	anon_vma_lock_write(anon_vma);
	result = demo_collapse_ptes(mm, address, folio);
	anon_vma_unlock_write(anon_vma);
out_up_write:
	mmap_write_unlock(mm);
	folio_put(folio);
	return result;
}
