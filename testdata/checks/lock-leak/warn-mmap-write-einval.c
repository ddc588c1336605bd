/* Models an mprotect-style syscall: one -EINVAL validation exit keeps mmap_write_lock held while another -EINVAL exit unlocks first. */
#include <linux/mm.h>

long demo_set_range_prot(struct mm_struct *mm, unsigned long start, size_t len,
			 vm_flags_t newflags)
{
	struct vm_area_struct *vma;
	unsigned long end = start + len;

	if (end < start)
		return -EINVAL;
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	vma = vma_lookup(mm, start);
	if (!vma) {
		mmap_write_unlock(mm);
		return -ENOMEM;
	}
	if (end > vma->vm_end) {
		mmap_write_unlock(mm);
		return -EINVAL;
	}
	if (newflags & ~VM_ACCESS_FLAGS)
		return -EINVAL;	/* expect: lock-leak */
	vm_flags_mod(vma, newflags, VM_ACCESS_FLAGS & ~newflags);
	mmap_write_unlock(mm);
	return 0;
}
