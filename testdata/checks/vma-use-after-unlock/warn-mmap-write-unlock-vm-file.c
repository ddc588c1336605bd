/* Models a driver that seals its mapping under mmap_write_lock() with find_vma_intersection() and then notifies through vma->vm_file after mmap_write_unlock(). */
#include <linux/mm.h>

extern void demo_notify_sealed(struct file *file, unsigned long start, unsigned long end);

int demo_seal_range(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma;
	unsigned long start, end;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	vma = find_vma_intersection(mm, addr, addr + len);
	if (!vma || !vma->vm_file) {
		mmap_write_unlock(mm);
		return -ENOENT;
	}
	vm_flags_set(vma, VM_DONTEXPAND);
	start = vma->vm_start;
	end = vma->vm_end;
	mmap_write_unlock(mm);

	demo_notify_sealed(vma->vm_file, start, end);	/* expect: vma-use-after-unlock */
	return 0;
}
