/* Models a GUP-style fault-in loop (s390 gmap / KVM shape) with a bug: when fixup_user_fault() reports *unlocked the loop only counts it and keeps reading the old vma. */
#include <linux/mm.h>

extern void demo_note_locked_page(unsigned long addr);
extern void demo_count_relock(struct mm_struct *mm);

int demo_fault_in_range(struct mm_struct *mm, unsigned long start, unsigned long end,
			bool write)
{
	unsigned int fault_flags = write ? FAULT_FLAG_WRITE : 0;
	struct vm_area_struct *vma;
	bool unlocked;
	int ret = 0;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, start);
	if (!vma) {
		ret = -EFAULT;
		goto out;
	}
	while (start < end) {
		unlocked = false;
		ret = fixup_user_fault(mm, start, fault_flags, &unlocked);
		if (ret)
			break;
		if (unlocked)
			demo_count_relock(mm);
		if (vma->vm_flags & VM_LOCKED)	/* expect: vma-stale-after-relock */
			demo_note_locked_page(start);
		start += PAGE_SIZE;
		if (start < end && start >= vma->vm_end) {
			vma = vma_lookup(mm, start);
			if (!vma) {
				ret = -EFAULT;
				break;
			}
		}
	}
out:
	mmap_read_unlock(mm);
	return ret;
}
