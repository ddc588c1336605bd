/* Models a madvise-style range loop that drops mmap_lock when contended and, after re-taking it, resumes with find_vma() and tests vm_flags without checking vm_start. */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_advise_range(struct vm_area_struct *vma, unsigned long start,
			      unsigned long end);

int demo_madvise_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;
	unsigned long next;

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
			vma = find_vma(mm, start);
			if (!vma)
				break;
			if (vma->vm_flags & VM_HUGETLB)	/* expect: vma-weak-revalidation */
				break;
		} else {
			vma = vma_lookup(mm, start);
		}
	}
	mmap_read_unlock(mm);
	return 0;
}
