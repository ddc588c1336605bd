/* Models a __pte_alloc()-style populate that holds mm->page_table_lock and takes it again in an unlikely() branch. */
#include <linux/mm.h>

int demo_pmd_populate(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
		      pgtable_t new)
{
	int ret = 0;

	spin_lock(&mm->page_table_lock);
	if (likely(pmd_none(pmdp_get(pmd)))) {
		set_pmd_at(mm, addr, pmd,
			   __pmd(page_to_pfn(new) << PAGE_SHIFT));
	} else if (unlikely(pmd_trans_huge(pmdp_get(pmd)))) {
		spin_lock(&mm->page_table_lock);	/* expect: lock-double-acquire */
		ret = -EEXIST;
	}
	spin_unlock(&mm->page_table_lock);
	return ret;
}
