/* Migrating to device memory from an ioctl, with mmap_lock taken here:
 * not a ->migrate_to_ram callback. */
static int mydev_migrate_to_device(struct mm_struct *mm, unsigned long start,
				   unsigned long end)
{
	struct vm_area_struct *vma;
	struct migrate_vma args = { 0 };
	int ret;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, start);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EINVAL;
	}
	args.vma = vma;
	args.start = start;
	args.end = end;
	ret = migrate_vma_setup(&args);
	mmap_read_unlock(mm);
	return ret;
}
