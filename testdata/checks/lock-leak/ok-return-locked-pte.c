/* Models a get_locked_pte()-style helper: returns the pte still locked in *ptlp, or NULL with nothing held, so the return value tells the caller the lock state. */
#include <linux/mm.h>

pte_t *demo_lock_present_pte(struct mm_struct *mm, unsigned long addr,
			     spinlock_t **ptlp)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud = pud_offset(pgd, addr);
	pmd_t *pmd = pmd_offset(pud, addr);
	pte_t *pte;

	if (pmd_none(pmdp_get(pmd)) || pmd_trans_huge(pmdp_get(pmd)))
		return NULL;
	pte = pte_offset_map_lock(mm, pmd, addr, ptlp);
	if (!pte)
		return NULL;
	if (!pte_present(ptep_get(pte))) {
		pte_unmap_unlock(pte, *ptlp);
		return NULL;
	}
	return pte;
}
