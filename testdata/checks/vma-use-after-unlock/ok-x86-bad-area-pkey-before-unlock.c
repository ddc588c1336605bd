/* Models x86 __do_page_fault() after commit a3c4fb7c9c2e: the protection key is read from the vma while mmap_lock is held and only the value is passed on. */
#include <linux/mm.h>
#include <linux/sched.h>

#define SIGSEGV		11
#define SEGV_MAPERR	1
#define SEGV_PKUERR	4
#define VM_PKEY_SHIFT	32
#define VM_PKEY_MASK	(0xfUL << VM_PKEY_SHIFT)

extern void demo_force_sig_fault(int sig, int code, unsigned long address, u32 pkey);
extern bool demo_access_error(unsigned long error_code, struct vm_area_struct *vma);

static u32 demo_vma_pkey(struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_PKEY_MASK) >> VM_PKEY_SHIFT;
}

static void demo_bad_area_nosemaphore(unsigned long address, u32 pkey, int si_code)
{
	demo_force_sig_fault(SIGSEGV, si_code, address, pkey);
}

void demo_do_page_fault(struct pt_regs *regs, unsigned long error_code,
			unsigned long address)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (unlikely(!vma || vma->vm_start > address)) {
		mmap_read_unlock(mm);
		demo_bad_area_nosemaphore(address, 0, SEGV_MAPERR);
		return;
	}
	if (unlikely(demo_access_error(error_code, vma))) {
		/* the vma may be freed once mmap_lock is dropped: read the key first */
		u32 pkey = demo_vma_pkey(vma);

		mmap_read_unlock(mm);
		demo_bad_area_nosemaphore(address, pkey, SEGV_PKUERR);
		return;
	}

	fault = handle_mm_fault(vma, address, FAULT_FLAG_DEFAULT, regs);
	if (fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED))
		return;
	mmap_read_unlock(mm);
}
