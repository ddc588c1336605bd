/* Models an rmap-side scanner that, holding a pte lock, only mmap_read_trylock()s the owning mm (trylocks never sleep). */
#include <linux/mm.h>

int demo_peek_neighbour(struct vm_area_struct *vma, pmd_t *pmd,
			unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *next;
	spinlock_t *ptl;
	pte_t *pte;
	int ret = 0;

	pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	if (pte_present(ptep_get(pte)) && mmap_read_trylock(mm)) {
		next = find_vma(mm, addr + PAGE_SIZE);
		ret = next ? 1 : 0;
		mmap_read_unlock(mm);
	}
	pte_unmap_unlock(pte, ptl);
	return ret;
}
