/* mmlock test header: transparent huge page helpers (prototypes only). */
#ifndef _LINUX_HUGE_MM_H
#define _LINUX_HUGE_MM_H

#include <linux/mm.h>

/*
 * pmd_trans_huge_lock - for a huge, swap or devmap *pmd: take the pmd ptl
 * and return it; for anything else: return NULL, nothing taken.  The caller
 * already holds mmap_lock.
 */
extern spinlock_t *pmd_trans_huge_lock(pmd_t *pmd, struct vm_area_struct *vma);
extern spinlock_t *pud_trans_huge_lock(pud_t *pud, struct vm_area_struct *vma);

extern bool is_huge_zero_pmd(pmd_t pmd);
extern bool is_huge_zero_folio(const struct folio *folio);
extern struct page *pmd_page(pmd_t pmd);
extern struct folio *vm_normal_folio_pmd(struct vm_area_struct *vma,
					 unsigned long addr, pmd_t pmd);

extern void __split_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
			     unsigned long address, bool freeze,
			     struct folio *folio);
#define split_huge_pmd(__vma, __pmd, __address)				\
	do {								\
		pmd_t *____pmd = (__pmd);				\
		if (pmd_trans_huge(*____pmd) || pmd_devmap(*____pmd))	\
			__split_huge_pmd(__vma, __pmd, __address,	\
					 false, NULL);			\
	} while (0)

extern int split_folio(struct folio *folio);
extern bool thp_vma_suitable_order(struct vm_area_struct *vma,
				   unsigned long addr, int order);
extern vm_fault_t do_huge_pmd_anonymous_page(struct vm_fault *vmf);

#endif /* _LINUX_HUGE_MM_H */
