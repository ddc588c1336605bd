/* Models madvise_dontneed_free()-style drop / wait / relock / revalidate with vma_lookup(): unlock, lock, unlock on one path is not a double release. */
#include <linux/mm.h>

extern int demo_wait_for_userfault(struct mm_struct *mm, unsigned long addr);

long demo_dontneed(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, start);
	if (!vma) {
		mmap_read_unlock(mm);
		return -ENOMEM;
	}
	if (vma->vm_flags & VM_UFFD_MISSING) {
		mmap_read_unlock(mm);
		if (demo_wait_for_userfault(mm, start))
			return -EINTR;
		mmap_read_lock(mm);
		vma = vma_lookup(mm, start);
		if (!vma) {
			mmap_read_unlock(mm);
			return -ENOMEM;
		}
	}
	if (end > vma->vm_end)
		end = vma->vm_end;
	zap_page_range_single(vma, start, end - start, NULL);
	mmap_read_unlock(mm);
	return 0;
}
