/* Models madvise_willneed() with the later "mm = vma->vm_mm" spelling and the pre-7867fd7cc44e (2020) bug: the fadvise offset is computed from vma->vm_start/vm_pgoff after mmap_lock was dropped. */
#include <linux/mm.h>

#define POSIX_FADV_WILLNEED	3
#define EBADF			9

extern struct file *get_file(struct file *f);
extern void fput(struct file *file);
extern int vfs_fadvise(struct file *file, loff_t offset, loff_t len, int advice);

long demo_madvise_willneed(struct vm_area_struct *vma, struct vm_area_struct **prev,
			   unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct file *file = vma->vm_file;
	loff_t offset;

	*prev = vma;
	if (!file)
		return -EBADF;

	*prev = NULL;	/* tell the caller mmap_lock was dropped */
	get_file(file);
	mmap_read_unlock(mm);
	offset = (loff_t)(start - vma->vm_start) + ((loff_t)vma->vm_pgoff << PAGE_SHIFT);	/* expect: vma-use-after-unlock */
	vfs_fadvise(file, offset, end - start, POSIX_FADV_WILLNEED);
	fput(file);
	mmap_read_lock(mm);
	return 0;
}
