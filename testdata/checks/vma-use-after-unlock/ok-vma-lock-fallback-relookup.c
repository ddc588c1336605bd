/* Models a vmf_anon_prepare()-style fallback done right: after vma_end_read() the vma is looked up again under mmap_lock before __anon_vma_prepare(). */
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
	vma = vma_lookup(mm, addr);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	ret = __anon_vma_prepare(vma);
	mmap_read_unlock(mm);
	return ret;
}
