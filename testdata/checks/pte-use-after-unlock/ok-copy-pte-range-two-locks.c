/* Models copy_pte_range(): destination and source tables locked together, every access in the loop, both unlocked at the end and only the result used afterwards. */
#include <linux/mm.h>

extern int demo_copy_one(pte_t *dst_pte, pte_t *src_pte, unsigned long addr);
extern int demo_prealloc(struct mm_struct *mm);

int demo_copy_pte_range(struct mm_struct *dst_mm, struct mm_struct *src_mm,
			pmd_t *dst_pmd, pmd_t *src_pmd, unsigned long addr, unsigned long end)
{
	spinlock_t *src_ptl, *dst_ptl;
	pte_t *orig_src_pte, *orig_dst_pte;
	pte_t *src_pte, *dst_pte;
	int ret;

again:
	ret = 0;
	dst_pte = pte_alloc_map_lock(dst_mm, dst_pmd, addr, &dst_ptl);
	if (!dst_pte)
		return -ENOMEM;
	src_pte = pte_offset_map_lock(src_mm, src_pmd, addr, &src_ptl);
	if (!src_pte) {
		pte_unmap_unlock(dst_pte, dst_ptl);
		return 0;
	}
	orig_src_pte = src_pte;
	orig_dst_pte = dst_pte;
	do {
		if (pte_none(ptep_get(src_pte)))
			continue;
		ret = demo_copy_one(dst_pte, src_pte, addr);
		if (ret)
			break;
	} while (dst_pte++, src_pte++, addr += PAGE_SIZE, addr != end);
	pte_unmap_unlock(orig_src_pte, src_ptl);
	pte_unmap_unlock(orig_dst_pte, dst_ptl);

	if (ret == -EAGAIN) {
		if (demo_prealloc(dst_mm))
			return -ENOMEM;
		goto again;
	}
	return ret;
}
