/* Models a vmf_anon_prepare()-style fallback: the per-VMA lock is dropped to take mmap_lock, and the vma from lock_vma_under_rcu() is used without a new lookup. */
#include <linux/mm.h>
#include <linux/rmap.h>

extern int demo_populate_anon(struct vm_area_struct *vma, unsigned long addr);

int demo_prepare_anon(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	int ret;

	vma = lock_vma_under_rcu(mm, addr);
	if (!vma)
		return -EAGAIN;
	if (vma->anon_vma) {
		ret = demo_populate_anon(vma, addr);
		vma_end_read(vma);
		return ret;
	}
	/* __anon_vma_prepare() needs mmap_lock, not just the VMA lock */
	vma_end_read(vma);
	mmap_read_lock(mm);
	ret = __anon_vma_prepare(vma);	/* expect: vma-use-after-unlock */
	mmap_read_unlock(mm);
	return ret;
}
