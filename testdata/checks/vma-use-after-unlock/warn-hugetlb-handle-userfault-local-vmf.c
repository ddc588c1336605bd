/* Models the 6.0 hugetlb_handle_userfault() (before 958f32ce832b): a vm_fault built on the stack is handed to handle_userfault(), which drops mmap_lock; the vma is used again afterwards. */
#include <linux/mm.h>
#include <linux/mutex.h>

extern struct mutex *hugetlb_fault_mutex_table;
extern u32 hugetlb_fault_mutex_hash(struct address_space *mapping, pgoff_t idx);
extern void hugetlb_vma_lock_read(struct vm_area_struct *vma);
extern void hugetlb_vma_unlock_read(struct vm_area_struct *vma);
extern int demo_userfault_wait(unsigned long address, unsigned long reason);

/* handle_userfault() of that era: drops mmap_lock (no VMA locks yet), waits, asks for a retry. */
static vm_fault_t demo_handle_userfault(struct vm_fault *vmf, unsigned long reason)
{
	struct mm_struct *mm = vmf->vma->vm_mm;

	if (!(vmf->flags & FAULT_FLAG_ALLOW_RETRY))
		return VM_FAULT_SIGBUS;
	mmap_read_unlock(mm);
	demo_userfault_wait(vmf->address, reason);
	return VM_FAULT_RETRY;
}

vm_fault_t demo_hugetlb_handle_userfault(struct vm_area_struct *vma,
					 struct address_space *mapping,
					 pgoff_t idx, unsigned int flags,
					 unsigned long haddr, unsigned long addr,
					 unsigned long reason)
{
	vm_fault_t ret;
	u32 hash;
	struct vm_fault vmf = {
		.vma = vma,
		.address = haddr,
		.real_address = addr,
		.flags = flags,
		.pgoff = idx,
	};

	hugetlb_vma_unlock_read(vma);
	hash = hugetlb_fault_mutex_hash(mapping, idx);
	mutex_unlock(&hugetlb_fault_mutex_table[hash]);
	ret = demo_handle_userfault(&vmf, reason);
	mutex_lock(&hugetlb_fault_mutex_table[hash]);
	hugetlb_vma_lock_read(vma);	/* expect: vma-use-after-unlock */
	return ret;
}
