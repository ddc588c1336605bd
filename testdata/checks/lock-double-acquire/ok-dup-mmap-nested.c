/* Models dup_mmap() (6.12): write-lock the parent killably, then the child (a different mm) with mmap_write_lock_nested(). */
#include <linux/mm.h>

int demo_dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt;
	int retval = 0;
	VMA_ITERATOR(vmi, oldmm, 0);

	if (mmap_write_lock_killable(oldmm))
		return -EINTR;
	mmap_write_lock_nested(mm, SINGLE_DEPTH_NESTING);

	for_each_vma(vmi, mpnt) {
		if (mpnt->vm_flags & VM_DONTCOPY)
			continue;
		mm->total_vm += vma_pages(mpnt);
		if (mm->total_vm > (1UL << 30)) {
			retval = -ENOMEM;
			break;
		}
	}
	mmap_write_unlock(mm);
	mmap_write_unlock(oldmm);
	return retval;
}
