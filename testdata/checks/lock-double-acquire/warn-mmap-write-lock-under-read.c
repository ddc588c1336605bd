/* Models a stack-expansion path that "upgrades" by taking mmap_write_lock() while still holding mmap_read_lock() (lock_mm_and_find_vma() drops the read lock first). */
#include <linux/mm.h>

struct vm_area_struct *demo_find_or_expand(struct mm_struct *mm,
					   unsigned long addr)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (likely(vma && vma->vm_start <= addr))
		return vma;
	if (!vma || !(vma->vm_flags & VM_GROWSDOWN)) {
		mmap_read_unlock(mm);
		return NULL;
	}

	mmap_write_lock(mm);	/* expect: lock-double-acquire */
	vma = find_extend_vma_locked(mm, addr);
	if (!vma) {
		mmap_write_unlock(mm);
		return NULL;
	}
	mmap_write_downgrade(mm);
	return vma;
}
