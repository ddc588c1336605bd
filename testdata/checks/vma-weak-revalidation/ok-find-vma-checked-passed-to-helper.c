/*
 * The madvise_dontneed_free() shape with a range check: after
 * the re-lock the VMA found is handed to a validity helper of this file,
 * which reads it, after the vm_start check: correct.
 */
#include <linux/mm.h>

extern int demo_wait_uffd(struct mm_struct *mm);

static bool demo_valid_vma(struct vm_area_struct *vma, unsigned long start)
{
	return !(vma->vm_flags & VM_LOCKED) && start < vma->vm_end;
}

int demo_dontneed(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long start)
{
	mmap_assert_locked(mm);
	if (demo_wait_uffd(mm)) {
		mmap_read_unlock(mm);
		demo_wait_uffd(mm);
		mmap_read_lock(mm);
		vma = find_vma(mm, start);
		if (!vma || start < vma->vm_start)
			return -ENOMEM;
		if (!demo_valid_vma(vma, start))
			return -EINVAL;
	}
	return 0;
}
