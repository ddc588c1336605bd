/* Models hugetlb_handle_userfault() before commit 958f32ce832b (2022), calling handle_userfault() itself (6.12 signature): the fault lock may be gone when the vma's hugetlb lock is re-taken through the stale vma. */
#include <linux/mm.h>
#include <linux/mutex.h>

extern struct mutex *hugetlb_fault_mutex_table;
extern u32 hugetlb_fault_mutex_hash(struct address_space *mapping, pgoff_t idx);
extern void hugetlb_vma_lock_read(struct vm_area_struct *vma);
extern void hugetlb_vma_unlock_read(struct vm_area_struct *vma);
extern vm_fault_t handle_userfault(struct vm_fault *vmf, unsigned long reason);

vm_fault_t demo_hugetlb_handle_userfault(struct vm_fault *vmf,
					 struct address_space *mapping,
					 unsigned long reason)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret;
	u32 hash;

	hugetlb_vma_unlock_read(vma);
	hash = hugetlb_fault_mutex_hash(mapping, vmf->pgoff);
	mutex_unlock(&hugetlb_fault_mutex_table[hash]);
	ret = handle_userfault(vmf, reason);
	mutex_lock(&hugetlb_fault_mutex_table[hash]);
	hugetlb_vma_lock_read(vma);	/* expect: vma-use-after-unlock */
	return ret;
}
