/* Error paths that jump to the unlock, a label that unlocks only when the
 * PTE was mapped, the NULL test of a PTE kept in two variables, and a
 * branch that hands struct vm_fault (and its PTL) to a function that
 * unlocks it. */
static int fill_one_pte_ok(struct vm_area_struct *vma, pmd_t *pmd,
			   unsigned long addr, pte_t newpte)
{
	spinlock_t *ptl;
	pte_t *pte;
	int err = -EAGAIN;

	pte = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
	if (!pte)
		goto out;
	if (range_too_big(vma, addr)) {
		err = -EFAULT;
		goto out_unlock;
	}
	set_pte_at(vma->vm_mm, addr, pte, newpte);
	err = 0;
out_unlock:
	pte_unmap_unlock(pte, ptl);
out:
	return err;
}

static int scan_ptes(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
		     unsigned long end)
{
	spinlock_t *ptl;
	pte_t *start_pte, *pte;
	int n = 0;

	start_pte = pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!start_pte)
		goto out;
	for (; addr < end; pte++, addr += PAGE_SIZE) {
		if (pte_none(ptep_get(pte)))
			goto out;
		n++;
	}
out:
	if (start_pte)
		pte_unmap_unlock(start_pte, ptl);
	return n;
}

static vm_fault_t write_or_map(struct vm_fault *vmf, struct folio *folio)
{
	vm_fault_t ret = 0;

	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd,
				       vmf->address, &vmf->ptl);
	if (!vmf->pte)
		goto out;
	if (vmf->flags & FAULT_FLAG_WRITE) {
		ret = wp_fault_unlocks(vmf);
		goto out;
	}
	install_folio_pte(vmf->vma, vmf->address, vmf->pte, folio);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
out:
	return ret;
}

/* A retry loop: the NULL test jumps to code that loops back to gotos
 * before the lock. */
static int read_locked_word(struct mm_struct *mm, pmd_t *pmd,
			    unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte;
	int val;

	for (;;) {
		if (!pmd_present(*pmd))
			goto fault;
		pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
		if (!pte)
			goto fault;
		if (!pte_write(ptep_get(pte))) {
			pte_unmap_unlock(pte, ptl);
			goto fault;
		}
		val = read_word(addr);
		pte_unmap_unlock(pte, ptl);
		return val;
fault:
		if (fault_in_one(mm, addr))
			return -EFAULT;
	}
}
