/* Models a populate loop tracking mmap_lock in a `locked` flag: the missing-vma path clears the flag without unlocking, so the single void exit leaks the lock on that path. */
#include <linux/mm.h>
#include <linux/sched.h>

extern void demo_touch_range(struct vm_area_struct *vma, unsigned long addr);

void demo_populate(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;
	unsigned long addr;
	bool locked = true;

	mmap_read_lock(mm);
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		vma = vma_lookup(mm, addr);
		if (!vma) {
			locked = false;
			break;
		}
		if (fatal_signal_pending(current)) {
			mmap_read_unlock(mm);
			locked = false;
			break;
		}
		if (vma->vm_flags & VM_IO)
			continue;
		demo_touch_range(vma, addr);
	}
	if (locked)
		mmap_read_unlock(mm);
	return;	/* expect: lock-leak */
}
