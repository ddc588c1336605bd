/* Models a /proc reader: mmap_read_lock_killable() failure returns -EINTR without unlocking; success walks the VMAs with for_each_vma() and unlocks once. */
#include <linux/mm.h>

int demo_count_vmas(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int count = 0;
	VMA_ITERATOR(vmi, mm, 0);

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	for_each_vma(vmi, vma) {
		if (vma->vm_flags & VM_HUGETLB)
			continue;
		count++;
	}
	mmap_read_unlock(mm);
	return count;
}
