/* Models a __get_user_pages()-style loop for callers without FOLL_UNLOCKABLE: handle_mm_fault() without FAULT_FLAG_ALLOW_RETRY never drops mmap_lock, so the vma stays usable after it. */
#include <linux/mm.h>

extern struct page *demo_follow_page(struct vm_area_struct *vma, unsigned long addr,
				     unsigned int foll_flags);

long demo_gup_locked(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
		     unsigned int foll_flags, struct page **pages)
{
	unsigned int fault_flags = FAULT_FLAG_REMOTE;
	struct vm_area_struct *vma;
	struct page *page;
	vm_fault_t ret;
	long i;

	if (foll_flags & FOLL_WRITE)
		fault_flags |= FAULT_FLAG_WRITE;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, start);
	if (!vma || start + nr_pages * PAGE_SIZE > vma->vm_end) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	for (i = 0; i < nr_pages; i++, start += PAGE_SIZE) {
		page = demo_follow_page(vma, start, foll_flags);
		if (!page) {
			ret = handle_mm_fault(vma, start, fault_flags, NULL);
			if (ret & VM_FAULT_ERROR)
				break;
			page = demo_follow_page(vma, start, foll_flags);
			if (!page)
				break;
		}
		pages[i] = page;
	}
	mmap_read_unlock(mm);
	return i ? i : -EFAULT;
}
