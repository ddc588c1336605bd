/* Models a madvise-style read-to-write "upgrade": mmap_read_unlock() then mmap_write_lock(), after which vm_flags are changed on the vma found under the read lock. */
#include <linux/mm.h>

extern bool demo_needs_flag_change(struct vm_area_struct *vma, vm_flags_t flag);

int demo_set_hugepage_hint(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma || !demo_needs_flag_change(vma, VM_HUGEPAGE)) {
		mmap_read_unlock(mm);
		return vma ? 0 : -ENOMEM;
	}
	/* changing vm_flags needs the write lock */
	mmap_read_unlock(mm);
	mmap_write_lock(mm);
	vm_flags_set(vma, VM_HUGEPAGE);	/* expect: vma-stale-after-relock */
	mmap_write_unlock(mm);
	return 0;
}
