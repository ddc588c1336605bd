/* Models x86 bad_area_access_error()/__bad_area() (6.12): the helper reads the pkey, then drops mmap_lock or the VMA lock itself; the fault handler hands it the vma while locked and returns. */
#include <linux/mm.h>
#include <linux/sched.h>

#define SEGV_ACCERR	2
#define SEGV_PKUERR	4
#define X86_PF_PK	(1UL << 5)
#define VM_PKEY_SHIFT	32
#define VM_PKEY_MASK	(0xfUL << VM_PKEY_SHIFT)

extern bool demo_access_error(unsigned long error_code, struct vm_area_struct *vma);
extern void demo_bad_area_nosemaphore(struct pt_regs *regs, unsigned long error_code,
				      unsigned long address, u32 pkey, int si_code);

static void demo_bad_area(struct pt_regs *regs, unsigned long error_code,
			  unsigned long address, struct mm_struct *mm,
			  struct vm_area_struct *vma, u32 pkey, int si_code)
{
	if (mm)
		mmap_read_unlock(mm);
	else
		vma_end_read(vma);
	demo_bad_area_nosemaphore(regs, error_code, address, pkey, si_code);
}

static void demo_bad_area_access_error(struct pt_regs *regs, unsigned long error_code,
				       unsigned long address, struct mm_struct *mm,
				       struct vm_area_struct *vma)
{
	if (error_code & X86_PF_PK) {
		u32 pkey = (vma->vm_flags & VM_PKEY_MASK) >> VM_PKEY_SHIFT;

		demo_bad_area(regs, error_code, address, mm, vma, pkey, SEGV_PKUERR);
	} else {
		demo_bad_area(regs, error_code, address, mm, vma, 0, SEGV_ACCERR);
	}
}

void demo_do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			     unsigned long address)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	vma = lock_vma_under_rcu(mm, address);
	if (!vma)
		goto lock_mmap;
	if (unlikely(demo_access_error(error_code, vma))) {
		demo_bad_area_access_error(regs, error_code, address, NULL, vma);
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
	if (unlikely(demo_access_error(error_code, vma))) {
		demo_bad_area_access_error(regs, error_code, address, mm, vma);
		return;
	}
	/* one attempt only: TRIED instead of the retry loop */
	fault = handle_mm_fault(vma, address, FAULT_FLAG_DEFAULT | FAULT_FLAG_TRIED, regs);
	if (fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED))
		return;
	mmap_read_unlock(mm);
}
