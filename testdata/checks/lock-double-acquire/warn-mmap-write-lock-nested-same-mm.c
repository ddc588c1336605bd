/* Models a dup_mmap() typo: the child lock mmap_write_lock_nested() is taken on oldmm, whose write lock is already held. */
#include <linux/mm.h>

int demo_dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt;
	int retval = 0;
	VMA_ITERATOR(vmi, oldmm, 0);

	if (mmap_write_lock_killable(oldmm))
		return -EINTR;
	mmap_write_lock_nested(oldmm, SINGLE_DEPTH_NESTING);	/* expect: lock-double-acquire */

	for_each_vma(vmi, mpnt) {
		if (mpnt->vm_flags & VM_DONTCOPY)
			continue;
		mm->total_vm += vma_pages(mpnt);
		if (mm->total_vm > (1UL << 30)) {
			retval = -ENOMEM;
			break;
		}
	}
	mmap_write_unlock(oldmm);
	return retval;
}
