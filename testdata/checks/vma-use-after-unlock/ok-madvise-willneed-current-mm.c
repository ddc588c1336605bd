/* Models madvise_willneed() right after commit 7867fd7cc44e (still unlocking current->mm): the file offset is taken from the vma before mmap_lock is dropped. */
#include <linux/mm.h>
#include <linux/sched.h>

#define POSIX_FADV_WILLNEED	3
#define EBADF			9

extern struct file *get_file(struct file *f);
extern void fput(struct file *file);
extern int vfs_fadvise(struct file *file, loff_t offset, loff_t len, int advice);

long demo_madvise_willneed(struct vm_area_struct *vma, struct vm_area_struct **prev,
			   unsigned long start, unsigned long end)
{
	struct file *file = vma->vm_file;
	loff_t offset;

	*prev = vma;
	if (!file)
		return -EBADF;

	*prev = NULL;	/* tell the caller mmap_lock was dropped */
	get_file(file);
	offset = (loff_t)(start - vma->vm_start) + ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
	mmap_read_unlock(current->mm);
	vfs_fadvise(file, offset, end - start, POSIX_FADV_WILLNEED);
	fput(file);
	mmap_read_lock(current->mm);
	return 0;
}
