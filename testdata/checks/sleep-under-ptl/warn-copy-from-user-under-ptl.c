/* Models a pte-installing ioctl that copies the user payload after get_locked_pte(); copy_from_user() may fault and sleep. */
#include <linux/mm.h>
#include <linux/uaccess.h>

int demo_install_from_user(struct vm_area_struct *vma, unsigned long addr,
			   const void __user *ubuf)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long pfn;
	spinlock_t *ptl;
	pte_t *pte;
	int ret = 0;

	pte = get_locked_pte(mm, addr, &ptl);
	if (!pte)
		return -ENOMEM;
	if (!pte_none(ptep_get(pte))) {
		ret = -EBUSY;
		goto out_unlock;
	}
	if (copy_from_user(&pfn, ubuf, sizeof(pfn))) {	/* expect: sleep-under-ptl */
		ret = -EFAULT;
		goto out_unlock;
	}
	set_pte_at(mm, addr, pte, pfn_pte(pfn, vma->vm_page_prot));
out_unlock:
	pte_unmap_unlock(pte, ptl);
	return ret;
}
