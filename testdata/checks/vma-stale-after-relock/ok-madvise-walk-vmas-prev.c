/* Models madvise_walk_vmas() (6.12) with madvise_willneed() as the visitor: a visitor that drops mmap_lock sets *prev = NULL, and the walk then continues with find_vma(mm, start) instead of the old vma. */
#include <linux/mm.h>

#define POSIX_FADV_WILLNEED	3

extern struct file *get_file(struct file *f);
extern void fput(struct file *file);
extern int vfs_fadvise(struct file *file, loff_t offset, loff_t len, int advice);

static int demo_madvise_willneed(struct vm_area_struct *vma, struct vm_area_struct **prev,
				 unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct file *file = vma->vm_file;
	loff_t offset;

	*prev = vma;
	if (!file)
		return 0;

	*prev = NULL;	/* tell the walker mmap_lock was dropped */
	get_file(file);
	offset = (loff_t)(start - vma->vm_start)
		+ ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
	mmap_read_unlock(mm);
	vfs_fadvise(file, offset, end - start, POSIX_FADV_WILLNEED);
	fput(file);
	mmap_read_lock(mm);
	return 0;
}

int demo_madvise_walk_vmas(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;
	struct vm_area_struct *prev;
	unsigned long tmp;
	int unmapped_error = 0;

	vma = find_vma_prev(mm, start, &prev);
	if (vma && start > vma->vm_start)
		prev = vma;

	for (;;) {
		int error;

		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		tmp = vma->vm_end;
		if (end < tmp)
			tmp = end;

		error = demo_madvise_willneed(vma, &prev, start, tmp);
		if (error)
			return error;
		start = tmp;
		if (prev && start < prev->vm_end)
			start = prev->vm_end;
		if (start >= end)
			break;
		if (prev)
			vma = find_vma(mm, prev->vm_end);
		else	/* the visitor dropped mmap_lock */
			vma = find_vma(mm, start);
	}
	return unmapped_error;
}
