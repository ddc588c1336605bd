/* Models a maybe_unlock_mmap_for_io()-style readahead helper that drops mmap_lock for I/O but forgets to clear its `locked` flag, so the final conditional unlock runs again. */
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
		ret = demo_start_readahead(file, pgoff);
		fput(file);
	}
	if (locked)
		mmap_read_unlock(mm);	/* expect: lock-double-release */
	return ret;
}
