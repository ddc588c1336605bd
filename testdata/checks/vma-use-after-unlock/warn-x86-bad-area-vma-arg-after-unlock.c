/* Models x86 __bad_area() before commit a3c4fb7c9c2e (2017): it drops current->mm's mmap_lock (then up_read(&mm->mmap_sem)) and passes the vma on to the signal code, which reads its protection key. */
#include <linux/mm.h>
#include <linux/sched.h>

#define SIGSEGV		11
#define SEGV_PKUERR	4
#define VM_PKEY_SHIFT	32
#define VM_PKEY_MASK	(0xfUL << VM_PKEY_SHIFT)

extern void demo_force_sig_fault(int sig, int code, unsigned long address, u32 pkey);

static u32 demo_vma_pkey(struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_PKEY_MASK) >> VM_PKEY_SHIFT;
}

static void demo_bad_area_nosemaphore(struct pt_regs *regs, unsigned long address,
				      struct vm_area_struct *vma, int si_code)
{
	u32 pkey = 0;

	if (vma && si_code == SEGV_PKUERR)
		pkey = demo_vma_pkey(vma);
	demo_force_sig_fault(SIGSEGV, si_code, address, pkey);
}

void demo_bad_area(struct pt_regs *regs, unsigned long address,
		   struct vm_area_struct *vma, int si_code)
{
	struct mm_struct *mm = current->mm;

	mmap_read_unlock(mm);
	demo_bad_area_nosemaphore(regs, address, vma, si_code);	/* expect: vma-use-after-unlock */
}
