/* Models a driver ioctl that finds its own mapping with vma_lookup() and reads vm_private_data after mmap_read_unlock() (a common driver use-after-free). */
#include <linux/mm.h>

struct demo_buf;

extern const struct vm_operations_struct demo_vm_ops;
extern void demo_buf_get(struct demo_buf *buf);

int demo_dev_get_buf(struct mm_struct *mm, unsigned long uaddr, struct demo_buf **bufp)
{
	struct vm_area_struct *vma;
	struct demo_buf *buf;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, uaddr);
	if (!vma || vma->vm_ops != &demo_vm_ops) {
		mmap_read_unlock(mm);
		return -EINVAL;
	}
	mmap_read_unlock(mm);

	buf = vma->vm_private_data;	/* expect: vma-use-after-unlock */
	demo_buf_get(buf);
	*bufp = buf;
	return 0;
}
