/* Models a do_huge_pmd_wp_page()-style recheck that jumps back to pmd_lock() after a pmd_same() failure without dropping vmf->ptl. */
#include <linux/mm.h>
#include <linux/huge_mm.h>

vm_fault_t demo_huge_pmd_wp(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	pmd_t orig_pmd;

retry:
	orig_pmd = pmdp_get_lockless(vmf->pmd);
	vmf->ptl = pmd_lock(vma->vm_mm, vmf->pmd);	/* expect: lock-double-acquire */
	if (unlikely(!pmd_same(pmdp_get(vmf->pmd), orig_pmd)))
		goto retry;
	if (!pmd_trans_huge(orig_pmd) || is_huge_zero_pmd(orig_pmd)) {
		spin_unlock(vmf->ptl);
		return VM_FAULT_FALLBACK;
	}
	set_pmd_at(vma->vm_mm, vmf->address & PMD_MASK, vmf->pmd, orig_pmd);
	spin_unlock(vmf->ptl);
	return 0;
}
