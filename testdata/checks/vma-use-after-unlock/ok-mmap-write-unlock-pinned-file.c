/* Models a driver that seals its mapping under mmap_write_lock() and pins vma->vm_file and the range before mmap_write_unlock(), using only those afterwards. */
#include <linux/mm.h>

extern struct file *get_file(struct file *f);
extern void fput(struct file *file);
extern void demo_notify_sealed(struct file *file, unsigned long start, unsigned long end);

int demo_seal_range(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma;
	unsigned long start, end;
	struct file *file;

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
	file = get_file(vma->vm_file);
	mmap_write_unlock(mm);

	demo_notify_sealed(file, start, end);
	fput(file);
	return 0;
}
