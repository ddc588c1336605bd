/* Models a driver device-memory migration entry (dmirror_migrate / svm_migrate shape) with an error-unwind goto ladder that unlocks mmap_lock on every exit. */
#include <linux/mm.h>
#include <linux/migrate.h>
#include <linux/slab.h>

int demo_migrate_range(struct mm_struct *mm, unsigned long start,
		       unsigned long end, void *owner)
{
	unsigned long npages = (end - start) >> PAGE_SHIFT;
	struct migrate_vma args = { 0 };
	struct vm_area_struct *vma;
	unsigned long *buf;
	int ret;

	if (!mmget_not_zero(mm))
		return -EINVAL;
	buf = kcalloc(npages * 2, sizeof(*buf), GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto out_put;
	}

	mmap_read_lock(mm);
	vma = vma_lookup(mm, start);
	if (!vma || end > vma->vm_end) {
		ret = -EINVAL;
		goto out_unlock;
	}
	args.vma = vma;
	args.src = buf;
	args.dst = buf + npages;
	args.start = start;
	args.end = end;
	args.pgmap_owner = owner;
	args.flags = MIGRATE_VMA_SELECT_SYSTEM;
	ret = migrate_vma_setup(&args);
	if (ret)
		goto out_unlock;
	migrate_vma_pages(&args);
	migrate_vma_finalize(&args);

out_unlock:
	mmap_read_unlock(mm);
	kfree(buf);
out_put:
	mmput(mm);
	return ret;
}
