/* Models iommu_sva_handle_mm() (6.12): handle_mm_fault() without FAULT_FLAG_ALLOW_RETRY never returns RETRY/COMPLETED, so the unconditional mmap_read_unlock() is correct. */
#include <linux/mm.h>

int demo_sva_handle_fault(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma;
	unsigned int fault_flags = FAULT_FLAG_REMOTE;
	vm_fault_t ret;
	int status = -EFAULT;

	if (!mmget_not_zero(mm))
		return -EFAULT;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma)
		goto out_put_mm;
	if (write) {
		if (!(vma->vm_flags & VM_WRITE))
			goto out_put_mm;
		fault_flags |= FAULT_FLAG_WRITE;
	}

	ret = handle_mm_fault(vma, addr, fault_flags, NULL);
	if (ret & VM_FAULT_ERROR)
		goto out_put_mm;
	status = 0;

out_put_mm:
	mmap_read_unlock(mm);
	mmput(mm);
	return status;
}
