/* Models lock_mm_and_find_vma()'s upgrade: drop the read lock, take the write lock killably, expand, then downgrade. */
#include <linux/mm.h>

struct vm_area_struct *demo_lock_and_expand(struct mm_struct *mm,
					    unsigned long addr)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (likely(vma && vma->vm_start <= addr))
		return vma;
	mmap_read_unlock(mm);

	if (mmap_write_lock_killable(mm))
		return NULL;
	vma = find_extend_vma_locked(mm, addr);
	if (!vma) {
		mmap_write_unlock(mm);
		return NULL;
	}
	mmap_write_downgrade(mm);
	return vma;
}
