/* mmlock test header: page-table entry accessors (prototypes only). */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

struct mm_struct;
struct vm_area_struct;

extern pte_t ptep_get(pte_t *ptep);
extern pmd_t pmdp_get(pmd_t *pmdp);
extern pmd_t pmdp_get_lockless(pmd_t *pmdp);
extern void set_pte_at(struct mm_struct *mm, unsigned long addr,
		       pte_t *ptep, pte_t pte);
extern void set_pmd_at(struct mm_struct *mm, unsigned long addr,
		       pmd_t *pmdp, pmd_t pmd);
extern pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr,
				pte_t *ptep);
extern pte_t ptep_clear_flush(struct vm_area_struct *vma,
			      unsigned long address, pte_t *ptep);
extern int ptep_set_access_flags(struct vm_area_struct *vma,
				 unsigned long address, pte_t *ptep,
				 pte_t entry, int dirty);
extern void update_mmu_cache(struct vm_area_struct *vma,
			     unsigned long address, pte_t *ptep);

extern int pte_same(pte_t pte_a, pte_t pte_b);

extern int pte_none(pte_t pte);
extern int pte_present(pte_t pte);
extern int pte_write(pte_t pte);
extern int pte_dirty(pte_t pte);
extern int pte_young(pte_t pte);
extern unsigned long pte_pfn(pte_t pte);
extern pte_t pte_mkyoung(pte_t pte);
extern pte_t pte_mkdirty(pte_t pte);
extern pte_t pte_mkwrite(pte_t pte, struct vm_area_struct *vma);
extern pte_t pte_mkold(pte_t pte);
extern pte_t pte_wrprotect(pte_t pte);
extern pte_t mk_pte(struct page *page, pgprot_t pgprot);
extern pte_t pfn_pte(unsigned long pfn, pgprot_t pgprot);

extern int pmd_none(pmd_t pmd);
extern int pmd_present(pmd_t pmd);
extern int pmd_bad(pmd_t pmd);
extern int pmd_trans_huge(pmd_t pmd);
extern int pmd_devmap(pmd_t pmd);
extern int pmd_write(pmd_t pmd);
extern int pmd_same(pmd_t pmd_a, pmd_t pmd_b);
extern int pud_none(pud_t pud);

extern pgd_t *pgd_offset(struct mm_struct *mm, unsigned long address);
extern pud_t *pud_offset(pgd_t *pgd, unsigned long address);
extern pmd_t *pmd_offset(pud_t *pud, unsigned long address);

static inline unsigned long pmd_addr_end(unsigned long addr, unsigned long end)
{
	unsigned long boundary = (addr + PMD_SIZE) & PMD_MASK;

	return (boundary - 1 < end - 1) ? boundary : end;
}

#endif /* _LINUX_PGTABLE_H */
