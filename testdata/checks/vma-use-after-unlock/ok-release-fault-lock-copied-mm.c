/* Models a filemap_fault()-style ->fault handler that accounts the major fault and pins the file before dropping the fault lock to wait for I/O. */
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
	struct mm_struct *mm = vmf->vma->vm_mm;

	if (demo_page_uptodate(file, vmf->pgoff))
		return demo_map_page(vmf, file);

	count_memcg_event_mm(mm, PGMAJFAULT);
	if (!fault_flag_allow_retry_first(vmf->flags) ||
	    (vmf->flags & FAULT_FLAG_RETRY_NOWAIT)) {
		demo_wait_on_read(file, vmf->pgoff);
		return demo_map_page(vmf, file);
	}

	get_file(file);
	release_fault_lock(vmf);
	/* only the pinned file and the values in vmf itself from here on */
	demo_wait_on_read(file, vmf->pgoff);
	fput(file);
	return VM_FAULT_RETRY;
}
