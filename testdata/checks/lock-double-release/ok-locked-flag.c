/* Models a maybe_unlock_mmap_for_io()-style readahead helper: a `locked` flag records that mmap_lock was dropped for I/O, and the final unlock is conditional on it. */
#include <linux/mm.h>
#include <linux/fs.h>

extern struct file *get_file(struct file *f);
extern void fput(struct file *file);
extern int demo_start_readahead(struct file *file, pgoff_t pgoff);

int demo_fault_readahead(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct file *file;
	pgoff_t pgoff;
	bool locked = true;
	int ret = 0;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (vma && vma->vm_file) {
		file = get_file(vma->vm_file);
		pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
		mmap_read_unlock(mm);
		locked = false;
		ret = demo_start_readahead(file, pgoff);
		fput(file);
	}
	if (locked)
		mmap_read_unlock(mm);
	return ret;
}
