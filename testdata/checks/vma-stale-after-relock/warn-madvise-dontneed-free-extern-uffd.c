/* Models madvise_dontneed_free() (6.12) calling userfaultfd_remove() itself, with the vma_lookup() after re-taking mmap_lock deleted: the vma passed in is used after the lock was dropped. */
#include <linux/mm.h>

#define MADV_DONTNEED	4

extern bool userfaultfd_remove(struct vm_area_struct *vma, unsigned long start,
			       unsigned long end);
extern bool demo_dontneed_valid_vma(struct vm_area_struct *vma, unsigned long start,
				    unsigned long *end, int behavior);
extern long demo_dontneed_single_vma(struct vm_area_struct *vma,
				     unsigned long start, unsigned long end);

long demo_madvise_dontneed_free(struct vm_area_struct *vma, struct vm_area_struct **prev,
				unsigned long start, unsigned long end, int behavior)
{
	struct mm_struct *mm = vma->vm_mm;

	*prev = vma;
	if (!demo_dontneed_valid_vma(vma, start, &end, behavior))
		return -EINVAL;
	if (start == end)
		return 0;

	if (!userfaultfd_remove(vma, start, end)) {
		*prev = NULL;	/* mmap_lock has been dropped, prev is stale */

		mmap_read_lock(mm);
		if (!demo_dontneed_valid_vma(vma, start, &end, behavior))	/* expect: vma-stale-after-relock */
			return -EINVAL;
		if (end > vma->vm_end)
			end = vma->vm_end;
		if (start == end)
			return 0;
	}
	return demo_dontneed_single_vma(vma, start, end);
}
