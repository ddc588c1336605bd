/* Models a pmd helper that takes mmap_read_lock() after pmd_lock() (inverted order; the rwsem may sleep under the spinlock). */
#include <linux/mm.h>

int demo_pmd_report(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	struct vm_area_struct *vma;
	spinlock_t *ptl;
	int ret = 0;

	ptl = pmd_lock(mm, pmd);
	if (pmd_trans_huge(pmdp_get(pmd))) {
		mmap_read_lock(mm);	/* expect: sleep-under-ptl */
		vma = vma_lookup(mm, addr);
		if (!vma)
			ret = -EFAULT;
		mmap_read_unlock(mm);
	}
	spin_unlock(ptl);
	return ret;
}
