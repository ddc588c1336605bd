/* find_vma() idioms that are not vma_lookup(): the first VMA at or above
 * addr, and a branch that still looks at the VMA it found. */
static unsigned long gap_below(struct mm_struct *mm, unsigned long addr,
			       unsigned long len)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma || addr + len <= vm_start_gap(vma))
		return addr;
	return 0;
}

static int lookup_verbose(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr) {
		pr_debug("no vma at %lx (next at %lx)\n", addr,
			 vma ? vma->vm_start : 0);
		return -EFAULT;
	}
	return 0;
}

/* After a re-lock: a validation chain whose vm_start test comes in the
 * second if, and a walk to the next VMA with find_vma(mm, vma->vm_end). */
static int relock_chain(struct mm_struct *mm, struct file *file,
			unsigned long addr)
{
	struct vm_area_struct *vma;
	int n = 0;

	mmap_read_unlock(mm);
	prepare_file(file);
	mmap_write_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma || !vma_usable(vma) || vma->vm_file != file)
		goto out;
	if (vma->vm_start > addr)
		goto out;
	n = install_at(vma, addr);
out:
	mmap_write_unlock(mm);
	return n;
}

static int relock_walk(struct mm_struct *mm, struct vm_area_struct *vma)
{
	int n = 0;

	mmap_read_unlock(mm);
	cond_resched();
	mmap_read_lock(mm);
	vma = find_vma(mm, 0);
	while (vma) {
		n++;
		vma = find_vma(mm, vma->vm_end);
	}
	return n;
}
