/* Models hugetlb_handle_userfault() after commit 958f32ce832b (6.12 shape): the vma's locks are dropped first and handle_userfault()'s result is returned without touching the vma again. */
#include <linux/mm.h>
#include <linux/mutex.h>

extern struct mutex *hugetlb_fault_mutex_table;
extern u32 hugetlb_fault_mutex_hash(struct address_space *mapping, pgoff_t idx);
extern void hugetlb_vma_unlock_read(struct vm_area_struct *vma);
extern int demo_userfault_wait(unsigned long address, unsigned long reason);

/* handle_userfault(): releases the fault lock, waits, asks for a retry. */
static vm_fault_t demo_handle_userfault(struct vm_fault *vmf, unsigned long reason)
{
	if (!(vmf->flags & FAULT_FLAG_ALLOW_RETRY))
		return VM_FAULT_SIGBUS;
	release_fault_lock(vmf);
	demo_userfault_wait(vmf->address, reason);
	return VM_FAULT_RETRY;
}

vm_fault_t demo_hugetlb_handle_userfault(struct vm_fault *vmf,
					 struct address_space *mapping,
					 unsigned long reason)
{
	u32 hash;

	/* drop the vma lock and the fault mutex before userfaultfd may drop mmap_lock */
	hugetlb_vma_unlock_read(vmf->vma);
	hash = hugetlb_fault_mutex_hash(mapping, vmf->pgoff);
	mutex_unlock(&hugetlb_fault_mutex_table[hash]);
	return demo_handle_userfault(vmf, reason);
}
