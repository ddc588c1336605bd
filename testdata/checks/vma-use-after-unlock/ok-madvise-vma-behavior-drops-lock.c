/* Models madvise_vma_behavior() -> madvise_willneed() (6.12): the callee may drop mmap_lock (it says so through *prev = NULL); the caller hands it the vma while still locked and does not touch the vma afterwards. */
#include <linux/mm.h>

#define MADV_WILLNEED		3
#define POSIX_FADV_WILLNEED	3

extern struct file *get_file(struct file *f);
extern void fput(struct file *file);
extern int vfs_fadvise(struct file *file, loff_t offset, loff_t len, int advice);
extern long demo_madvise_update_vma(struct vm_area_struct *vma, struct vm_area_struct **prev,
				    unsigned long start, unsigned long end, int behavior);

static long demo_madvise_willneed(struct vm_area_struct *vma, struct vm_area_struct **prev,
				  unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct file *file = vma->vm_file;
	loff_t offset;

	*prev = vma;
	if (!file)
		return 0;

	*prev = NULL;	/* tell the caller mmap_lock was dropped */
	get_file(file);
	offset = (loff_t)(start - vma->vm_start)
		+ ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
	mmap_read_unlock(mm);
	vfs_fadvise(file, offset, end - start, POSIX_FADV_WILLNEED);
	fput(file);
	mmap_read_lock(mm);
	return 0;
}

long demo_madvise_vma_behavior(struct vm_area_struct *vma, struct vm_area_struct **prev,
			       unsigned long start, unsigned long end, int behavior)
{
	if (behavior == MADV_WILLNEED)
		return demo_madvise_willneed(vma, prev, start, end);
	return demo_madvise_update_vma(vma, prev, start, end, behavior);
}
