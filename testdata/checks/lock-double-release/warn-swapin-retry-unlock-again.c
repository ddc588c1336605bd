/*
 * khugepaged's swap-in (6.12 __collapse_huge_page_swapin()): do_swap_page()
 * returning VM_FAULT_RETRY has already dropped mmap_lock (the fault context
 * has FAULT_FLAG_ALLOW_RETRY), so the RETRY branch must not unlock again.
 * The VMA and mm arrive as parameters: vma->vm_mm is mm.
 */
#include <linux/mm.h>

int demo_swapin(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long haddr, pmd_t *pmd)
{
	unsigned long address;

	for (address = haddr; address < haddr + 16 * PAGE_SIZE; address += PAGE_SIZE) {
		struct vm_fault vmf = {
			.vma = vma,
			.address = address,
			.flags = FAULT_FLAG_ALLOW_RETRY,
			.pmd = pmd,
		};
		vm_fault_t ret = do_swap_page(&vmf);

		if (ret & VM_FAULT_RETRY) {
			mmap_read_unlock(mm);	/* expect: lock-double-release */
			return -EAGAIN;
		}
		if (ret & VM_FAULT_ERROR) {
			mmap_read_unlock(mm);
			return -EFAULT;
		}
	}
	return 0;
}
