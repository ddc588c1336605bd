/* Models x86 __bad_area() after commit a3c4fb7c9c2e (2017): the caller reads the protection key while mmap_lock is held and __bad_area() passes only the key on after dropping the lock. */
#include <linux/mm.h>
#include <linux/sched.h>

#define SIGSEGV		11
#define SEGV_ACCERR	2
#define SEGV_PKUERR	4
#define VM_PKEY_SHIFT	32
#define VM_PKEY_MASK	(0xfUL << VM_PKEY_SHIFT)

extern void demo_force_sig_fault(int sig, int code, unsigned long address, u32 pkey);
extern bool demo_bad_area_access_from_pkeys(unsigned long error_code,
					    struct vm_area_struct *vma);

static u32 demo_vma_pkey(struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_PKEY_MASK) >> VM_PKEY_SHIFT;
}

static void demo_bad_area(struct pt_regs *regs, unsigned long address, u32 pkey, int si_code)
{
	struct mm_struct *mm = current->mm;

	mmap_read_unlock(mm);
	demo_force_sig_fault(SIGSEGV, si_code, address, pkey);
}

void demo_bad_area_access_error(struct pt_regs *regs, unsigned long error_code,
				unsigned long address, struct vm_area_struct *vma)
{
	if (demo_bad_area_access_from_pkeys(error_code, vma)) {
		/* the vma may be freed once mmap_lock is dropped: read the key now */
		u32 pkey = demo_vma_pkey(vma);

		demo_bad_area(regs, address, pkey, SEGV_PKUERR);
	} else {
		demo_bad_area(regs, address, 0, SEGV_ACCERR);
	}
}
