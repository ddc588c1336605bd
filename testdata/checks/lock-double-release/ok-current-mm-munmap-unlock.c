/* The correct mremap() shrink shape: success of do_vmi_munmap(..., true) skips the unlock. */
#include <linux/mm.h>
#include <linux/sched.h>

long demo_shrink_ok(unsigned long addr, unsigned long old_len, unsigned long new_len)
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
		goto out_unlocked;
	}
	ret = addr;
out:
	mmap_write_unlock(current->mm);
out_unlocked:
	return ret;
}
