/* Models a GUP-style fault-in loop (s390 gmap / KVM shape): after fixup_user_fault() reports *unlocked, the vma for the current address is looked up again before its flags are read. */
#include <linux/mm.h>

extern void demo_note_locked_page(unsigned long addr);

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
		if (unlocked) {
			/* mmap_lock was dropped meanwhile: the vma may be gone */
			vma = vma_lookup(mm, start);
			if (!vma) {
				ret = -EFAULT;
				break;
			}
		}
		if (vma->vm_flags & VM_LOCKED)
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
