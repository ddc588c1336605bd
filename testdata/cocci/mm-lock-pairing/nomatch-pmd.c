/* Every branch that returns drops the PMD lock first; the NULL branch of
 * pmd_trans_huge_lock() holds nothing. */
static int age_huge_pmd_ok(struct vm_area_struct *vma, pmd_t *pmd,
			   unsigned long addr)
{
	spinlock_t *ptl;
	pmd_t orig;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (!ptl)
		return 0;
	orig = *pmd;
	if (is_huge_zero_pmd(orig)) {
		spin_unlock(ptl);
		return 0;
	}
	set_pmd_at(vma->vm_mm, addr, pmd, pmd_mkold(orig));
	spin_unlock(ptl);
	return 1;
}

static int fill_pmd_ok(struct mm_struct *mm, pmd_t *pmd, pmd_t val)
{
	spinlock_t *ptl;
	int ret = -EEXIST;

	ptl = pmd_lock(mm, pmd);
	if (!pmd_none(*pmd))
		goto out;
	set_pmd(pmd, val);
	ret = 0;
out:
	spin_unlock(ptl);
	return ret;
}

/* A lock kept in a structure goes with the structure to the function
 * that drops it. */
static bool next_huge(struct pmd_walk *w, struct mm_struct *mm)
{
	w->ptl = pmd_lock(mm, w->pmd);
	if (!pmd_present(*w->pmd))
		return walk_done(w);
	set_pmd(w->pmd, pmd_mkold(*w->pmd));
	spin_unlock(w->ptl);
	return false;
}
