/* find_vma() followed by the vm_start check is vma_lookup(): reported,
 * and rewritten in patch mode. */
static int lookup_return(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr)
		return -EFAULT;
	return vma->vm_flags & VM_READ;
}

static int lookup_goto(struct mm_struct *mm, unsigned long start)
{
	struct vm_area_struct *vma;
	int ret = 0;

	mmap_read_lock(mm);
	vma = find_vma(mm, start);
	if (!vma || start < vma->vm_start) {
		ret = -ENOMEM;
		goto out;
	}
	ret = handle_range(vma, start);
out:
	mmap_read_unlock(mm);
	return ret;
}
