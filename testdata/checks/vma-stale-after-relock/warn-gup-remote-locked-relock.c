/* Models a get_user_pages_remote(..., &locked) caller: GUP may drop mmap_lock (locked == 0); the caller re-takes it and then reads the vma it looked up before the call. */
#include <linux/mm.h>

extern int demo_map_pinned_page(struct page *page, pgprot_t prot, unsigned long addr);

int demo_pin_and_map(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	pgprot_t prot;
	int locked = 1;
	long ret;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma || !(vma->vm_flags & VM_WRITE)) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	ret = get_user_pages_remote(mm, addr, 1, FOLL_WRITE, &page, &locked);
	if (!locked) {
		mmap_read_lock(mm);
		locked = 1;
	}
	if (ret != 1) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	prot = vma->vm_page_prot;	/* expect: vma-stale-after-relock */
	mmap_read_unlock(mm);

	ret = demo_map_pinned_page(page, prot, addr);
	put_page(page);
	return ret;
}
