/* Models an arch fault handler whose access-error helpers (x86 __bad_area() shape) read the pkey from the vma and then drop the VMA lock or mmap_lock themselves; the caller only hands the locked vma over and returns. */
#include <linux/mm.h>
#include <linux/sched.h>

#define SEGV_PKUERR	4
#define VM_PKEY_SHIFT	32
#define VM_PKEY_MASK	(0xfUL << VM_PKEY_SHIFT)

extern void demo_force_sig_pkuerr(unsigned long address, u32 pkey);

static void demo_bad_area_vma_locked(struct vm_area_struct *vma, unsigned long address)
{
	u32 pkey = (vma->vm_flags & VM_PKEY_MASK) >> VM_PKEY_SHIFT;

	vma_end_read(vma);
	demo_force_sig_pkuerr(address, pkey);
}

static void demo_bad_area_mmap_locked(struct vm_area_struct *vma, unsigned long address)
{
	u32 pkey = (vma->vm_flags & VM_PKEY_MASK) >> VM_PKEY_SHIFT;

	mmap_read_unlock(vma->vm_mm);
	demo_force_sig_pkuerr(address, pkey);
}

void demo_do_page_fault(struct pt_regs *regs, unsigned long address)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	vma = lock_vma_under_rcu(mm, address);
	if (!vma)
		goto lock_mmap;
	if (unlikely(!(vma->vm_flags & VM_READ))) {
		demo_bad_area_vma_locked(vma, address);
		return;
	}
	fault = handle_mm_fault(vma, address, FAULT_FLAG_DEFAULT | FAULT_FLAG_VMA_LOCK, regs);
	if (!(fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED)))
		vma_end_read(vma);
	if (!(fault & VM_FAULT_RETRY))
		return;

lock_mmap:
	vma = lock_mm_and_find_vma(mm, address, regs);
	if (unlikely(!vma))
		return;
	if (unlikely(!(vma->vm_flags & VM_READ))) {
		demo_bad_area_mmap_locked(vma, address);
		return;
	}
	fault = handle_mm_fault(vma, address, FAULT_FLAG_DEFAULT | FAULT_FLAG_TRIED, regs);
	if (fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED))
		return;
	mmap_read_unlock(mm);
}
