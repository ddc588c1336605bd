/* Models a madvise-style loop that resumes with find_vma() after re-taking mmap_lock and handles the hole with addr < vma->vm_start before reading vm_flags. */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_advise_range(struct vm_area_struct *vma, unsigned long start,
			      unsigned long end);

int demo_madvise_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;
	unsigned long next;
	int unmapped = 0;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, start);
	while (vma && start < end) {
		next = min(end, vma->vm_end);
		if (!(vma->vm_flags & VM_LOCKED))
			demo_advise_range(vma, start, next);
		start = next;
		if (mmap_lock_is_contended(mm)) {
			mmap_read_unlock(mm);
			cond_resched();
			mmap_read_lock(mm);
		}
		vma = find_vma(mm, start);
		if (!vma)
			break;
		if (start < vma->vm_start) {
			unmapped = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		if (vma->vm_flags & VM_HUGETLB)
			break;
	}
	mmap_read_unlock(mm);
	return unmapped;
}
