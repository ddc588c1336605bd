/* Early returns that keep a PMD lock. */
static int age_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
			unsigned long addr)
{
	spinlock_t *ptl;
	pmd_t orig;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (!ptl)
		return 0;
	orig = *pmd;
	if (is_huge_zero_pmd(orig))
		return 0;
	if (!pmd_present(orig))
		goto unlock;
	set_pmd_at(vma->vm_mm, addr, pmd, pmd_mkold(orig));
unlock:
	spin_unlock(ptl);
	return 0;
}

static int fill_pmd(struct mm_struct *mm, pmd_t *pmd, pmd_t val)
{
	spinlock_t *ptl;

	ptl = pmd_lock(mm, pmd);
	if (!pmd_none(*pmd))
		return -EEXIST;
	set_pmd(pmd, val);
	spin_unlock(ptl);
	return 0;
}
