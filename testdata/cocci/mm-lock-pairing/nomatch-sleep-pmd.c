/* Under a PMD lock only a trylock; the sleeping lock comes after the
 * unlock, or on the path where pmd_trans_huge_lock() returned NULL. */
static int split_huge_range_ok(struct vm_area_struct *vma, pmd_t *pmd,
			       struct folio *folio)
{
	spinlock_t *ptl;
	int err = 0;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (ptl) {
		if (!folio_trylock(folio)) {
			spin_unlock(ptl);
			return -EAGAIN;
		}
		err = split_folio(folio);
		folio_unlock(folio);
		spin_unlock(ptl);
		return err;
	}
	folio_lock(folio);
	err = split_small(folio);
	folio_unlock(folio);
	return err;
}

static void set_pmd_then_wait(struct mm_struct *mm, pmd_t *pmd, pmd_t val,
			      struct folio *folio)
{
	spinlock_t *ptl;

	ptl = pmd_lock(mm, pmd);
	set_pmd(pmd, val);
	spin_unlock(ptl);
	folio_lock(folio);
	folio_unlock(folio);
}
