/* Models an mprotect-like huge-pmd path that write-locks the VMA only after taking pmd_lock(); vma_start_write() may sleep. */
#include <linux/mm.h>

int demo_huge_prot(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;

	mmap_assert_write_locked(mm);
	ptl = pmd_lock(mm, pmd);
	if (!pmd_trans_huge(pmdp_get(pmd))) {
		spin_unlock(ptl);
		return 0;
	}
	vma_start_write(vma);	/* expect: sleep-under-ptl */
	set_pmd_at(mm, addr, pmd, pmdp_get(pmd));
	spin_unlock(ptl);
	return 1;
}
