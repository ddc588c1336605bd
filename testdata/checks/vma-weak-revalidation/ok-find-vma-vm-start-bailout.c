/* Models the pre-vma_lookup() revalidation idiom: find_vma() after re-taking mmap_lock followed by the !vma || vma->vm_start > addr bail-out. */
#include <linux/mm.h>

extern int demo_prepare(struct mm_struct *mm, unsigned long addr);
extern unsigned long demo_move_vma(struct vm_area_struct *vma, unsigned long addr,
				   unsigned long new_addr);

unsigned long demo_mremap(struct mm_struct *mm, unsigned long addr, unsigned long new_addr)
{
	struct vm_area_struct *vma;
	unsigned long ret;

	mmap_read_lock(mm);
	if (demo_prepare(mm, addr)) {
		mmap_read_unlock(mm);
		return -EINVAL;
	}
	mmap_read_unlock(mm);

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr) {
		ret = -EFAULT;
		goto out;
	}
	if (vma->vm_file) {
		ret = -EINVAL;
		goto out;
	}
	ret = demo_move_vma(vma, addr, new_addr);
out:
	mmap_write_unlock(mm);
	return ret;
}
