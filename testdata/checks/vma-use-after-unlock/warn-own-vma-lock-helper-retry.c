/*
 * The mfill_atomic_hugetlb() retry without 'dst_vma = NULL': the VMA comes
 * from a locking helper of this file (lock_vma_under_rcu(), or the VMA lock
 * taken under mmap_lock); after its unlock helper ends the VMA read lock to
 * copy outside it, the retry skips the new lookup and reads the old VMA.
 */
#include <linux/mm.h>

extern int demo_copy_from_user(unsigned long src);

static struct vm_area_struct *demo_mfill_lock(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = lock_vma_under_rcu(mm, addr);

	if (!vma)
		return NULL;
	if (!(vma->vm_flags & VM_SHARED) && !vma->anon_vma) {
		vma_end_read(vma);
		return NULL;
	}
	return vma;
}

static void demo_mfill_unlock(struct vm_area_struct *vma)
{
	vma_end_read(vma);
}

long demo_mfill(struct mm_struct *mm, unsigned long dst, unsigned long src)
{
	struct vm_area_struct *dst_vma = NULL;
	long copied = 0;

retry:
	if (!dst_vma) {
		dst_vma = demo_mfill_lock(mm, dst);
		if (!dst_vma)
			return -ENOENT;
	}
	if (dst_vma->vm_flags & VM_SHARED)	/* expect: vma-use-after-unlock */
		return -EINVAL;
	if (demo_copy_from_user(src)) {
		demo_mfill_unlock(dst_vma);	/* expect: lock-double-release */
		copied++;
		goto retry;
	}
	demo_mfill_unlock(dst_vma);	/* expect: lock-double-release */
	return copied;
}
