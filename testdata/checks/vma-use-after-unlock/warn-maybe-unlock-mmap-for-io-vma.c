/* Models do_sync_mmap_readahead() (6.12) with a bug: after maybe_unlock_mmap_for_io() returned a pinned file (fault lock released), the readahead window is sized from vmf->vma. */
#include <linux/mm.h>

extern struct file *get_file(struct file *f);
extern void demo_page_cache_ra(struct file *file, pgoff_t index, unsigned long nr);

/* mm/internal.h (6.12): releases the fault lock for I/O and returns the pinned file, or NULL if still locked. */
extern struct file *maybe_unlock_mmap_for_io(struct vm_fault *vmf, struct file *fpin);

struct file *demo_sync_mmap_readahead(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct file *fpin = NULL;

	if (vmf->vma->vm_flags & VM_HUGEPAGE)
		return NULL;
	fpin = maybe_unlock_mmap_for_io(vmf, fpin);
	demo_page_cache_ra(file, vmf->pgoff, vma_pages(vmf->vma));	/* expect: vma-use-after-unlock */
	return fpin;
}
