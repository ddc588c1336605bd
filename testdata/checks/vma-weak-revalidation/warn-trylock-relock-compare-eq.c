/* Models a reclaim-style scanner that yields mmap_lock, re-takes it with mmap_read_trylock() and continues only when find_vma() == the old vma. */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_age_range(struct mm_struct *mm, unsigned long start, unsigned long end);

int demo_age_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	unsigned long end;
	int same;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma) {
		mmap_read_unlock(mm);
		return 0;
	}
	end = vma->vm_end;
	mmap_read_unlock(mm);
	cond_resched();

	if (!mmap_read_trylock(mm))
		return -EAGAIN;
	same = 0;
	if (find_vma(mm, addr) == vma)	/* expect: vma-weak-revalidation */
		same = 1;
	if (same)
		demo_age_range(mm, addr, end);
	mmap_read_unlock(mm);
	return same;
}
