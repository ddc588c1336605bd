/*
 * The correct 6.12 swap-in loop: on VM_FAULT_RETRY mmap_lock is already
 * gone; on an error it is dropped here; on success it is still held, and the
 * caller (collapse_huge_page()) must not unlock after a failure.
 */
#include <linux/mm.h>

static int demo_swapin(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long haddr, pmd_t *pmd)
{
	unsigned long address;
	int swapped_in = 0;

	for (address = haddr; address < haddr + 16 * PAGE_SIZE; address += PAGE_SIZE) {
		struct vm_fault vmf = {
			.vma = vma,
			.address = address,
			.flags = FAULT_FLAG_ALLOW_RETRY,
			.pmd = pmd,
		};
		vm_fault_t ret = do_swap_page(&vmf);

		if (ret & VM_FAULT_RETRY)
			return 2;
		if (ret & VM_FAULT_ERROR) {
			mmap_read_unlock(mm);
			return 3;
		}
		swapped_in++;
	}
	return 1;
}

int demo_collapse(struct mm_struct *mm, struct vm_area_struct *vma,
		  unsigned long haddr, pmd_t *pmd)
{
	int result = demo_swapin(mm, vma, haddr, pmd);

	if (result != 1)
		goto out_nolock;
	mmap_read_unlock(mm);
	return 0;
out_nolock:
	return -EAGAIN;
}
