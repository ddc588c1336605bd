/* The lock is retaken and the VMA looked up again before any use. */
static int relock_and_lookup(struct mm_struct *mm, unsigned long start)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, start);
	if (!vma || !(vma->vm_flags & VM_SHARED)) {
		mmap_read_unlock(mm);
		return -EINVAL;
	}
	mmap_read_unlock(mm);
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	vma = vma_lookup(mm, start);
	if (!vma || vma->vm_flags & VM_LOCKED) {
		mmap_write_unlock(mm);
		return -EAGAIN;
	}
	mmap_write_unlock(mm);
	return 0;
}

/* A loop that drops the lock at the end of each round and finds the next
 * VMA with a VMA iterator after taking it again. */
static void scan_all(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, mm, 0);

	while (more_work()) {
		mmap_read_lock(mm);
		for_each_vma(vmi, vma) {
			if (!(vma->vm_flags & VM_MERGEABLE))
				continue;
			scan_one(vma);
		}
		mmap_read_unlock(mm);
	}
}
