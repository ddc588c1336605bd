/* Models a mlock-style path that re-takes mmap_lock for write and uses find_vma_prev()'s result (vm_flags) without checking that it starts at or below start. */
#include <linux/mm.h>

extern int demo_account(struct mm_struct *mm, unsigned long len);
extern int demo_fixup(struct vm_area_struct *vma, struct vm_area_struct *prev,
		      unsigned long start, unsigned long end);

int demo_mlock(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	struct vm_area_struct *vma, *prev;
	int ret;

	mmap_read_lock(mm);
	ret = demo_account(mm, len);
	mmap_read_unlock(mm);
	if (ret)
		return ret;

	mmap_write_lock(mm);
	vma = find_vma_prev(mm, start, &prev);
	if (!vma) {
		mmap_write_unlock(mm);
		return -ENOMEM;
	}
	if (vma->vm_flags & VM_LOCKED) {	/* expect: vma-weak-revalidation */
		mmap_write_unlock(mm);
		return 0;
	}
	ret = demo_fixup(vma, prev, start, start + len);
	mmap_write_unlock(mm);
	return ret;
}
