/* Models a driver fault-ahead ioctl that drops mmap_lock to wait for its device, re-takes it with mmap_read_lock_killable() and maps through the vma found before the wait. */
#include <linux/mm.h>

struct demo_dev;

extern const struct vm_operations_struct demo_vm_ops;
extern int demo_wait_for_device(struct demo_dev *dev);
extern int demo_map_device_pages(struct vm_area_struct *vma, unsigned long addr,
				 struct demo_dev *dev);

int demo_dev_prefault(struct demo_dev *dev, struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	int ret;

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	vma = vma_lookup(mm, addr);
	if (!vma || vma->vm_ops != &demo_vm_ops) {
		ret = -EINVAL;
		goto out_unlock;
	}

	/* the device may take a long time: do not sit on mmap_lock */
	mmap_read_unlock(mm);
	ret = demo_wait_for_device(dev);
	if (mmap_read_lock_killable(mm))
		return -EINTR;
	if (ret)
		goto out_unlock;

	ret = demo_map_device_pages(vma, addr, dev);	/* expect: vma-stale-after-relock */
out_unlock:
	mmap_read_unlock(mm);
	return ret;
}
