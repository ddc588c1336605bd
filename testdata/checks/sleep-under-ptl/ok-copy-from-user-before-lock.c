/* Models a UFFDIO_COPY-style install: copy_from_user() into a fresh page first, then take the pte lock only to install it. */
#include <linux/mm.h>
#include <linux/uaccess.h>

int demo_mfill_copy(struct vm_area_struct *vma, pmd_t *pmd,
		    unsigned long dst_addr, const void __user *src)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;
	spinlock_t *ptl;
	pte_t *pte;
	int ret = 0;

	page = alloc_page_vma(GFP_HIGHUSER_MOVABLE, vma, dst_addr);
	if (!page)
		return -ENOMEM;
	if (copy_from_user(page_address(page), src, PAGE_SIZE)) {
		__free_page(page);
		return -EFAULT;
	}

	pte = pte_offset_map_lock(mm, pmd, dst_addr, &ptl);
	if (!pte) {
		__free_page(page);
		return -EAGAIN;
	}
	if (!pte_none(ptep_get(pte))) {
		ret = -EEXIST;
		goto out_unlock;
	}
	set_pte_at(mm, dst_addr, pte, mk_pte(page, vma->vm_page_prot));
	page = NULL;
out_unlock:
	pte_unmap_unlock(pte, ptl);
	if (page)
		__free_page(page);
	return ret;
}
