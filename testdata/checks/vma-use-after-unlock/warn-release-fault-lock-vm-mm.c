/* Models a filemap_fault()-style ->fault handler that drops the fault lock to wait for I/O and then accounts the major fault through vmf->vma->vm_mm. */
#include <linux/mm.h>

#define PGMAJFAULT	1

extern bool demo_page_uptodate(struct file *file, pgoff_t pgoff);
extern void demo_wait_on_read(struct file *file, pgoff_t pgoff);
extern struct file *get_file(struct file *f);
extern void fput(struct file *file);
extern void count_memcg_event_mm(struct mm_struct *mm, int event);
extern vm_fault_t demo_map_page(struct vm_fault *vmf, struct file *file);

vm_fault_t demo_dev_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;

	if (demo_page_uptodate(file, vmf->pgoff))
		return demo_map_page(vmf, file);

	if (!fault_flag_allow_retry_first(vmf->flags) ||
	    (vmf->flags & FAULT_FLAG_RETRY_NOWAIT)) {
		demo_wait_on_read(file, vmf->pgoff);
		return demo_map_page(vmf, file);
	}

	get_file(file);
	release_fault_lock(vmf);
	demo_wait_on_read(file, vmf->pgoff);
	count_memcg_event_mm(vmf->vma->vm_mm, PGMAJFAULT);	/* expect: vma-use-after-unlock */
	fput(file);
	return VM_FAULT_RETRY;
}
