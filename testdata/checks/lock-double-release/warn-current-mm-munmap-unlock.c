/*
 * The mremap() shrink shape: do_vmi_munmap(..., unlock=true) returns 0 with
 * mmap_lock dropped, so success must skip the common unlock. The lock is
 * taken and dropped through current->mm: each use calls get_current(),
 * which returns the same task every time.
 */
#include <linux/mm.h>
#include <linux/sched.h>

long demo_shrink(unsigned long addr, unsigned long old_len, unsigned long new_len)
{
	struct mm_struct *mm = current->mm;
	long ret = -EINVAL;

	if (mmap_write_lock_killable(current->mm))
		return -EINTR;
	if (old_len > new_len) {
		VMA_ITERATOR(vmi, mm, addr + new_len);

		ret = do_vmi_munmap(&vmi, mm, addr + new_len, old_len - new_len, NULL, true);
		if (ret)
			goto out;
		ret = addr;
		goto out;	/* should be out_unlocked */
	}
	ret = addr;
out:
	mmap_write_unlock(current->mm);	/* expect: lock-double-release */
	return ret;
}
