/* An error return that keeps the folio locked. */
static int write_back_one(struct folio *folio)
{
	int err;

	folio_lock(folio);
	if (!folio->mapping) {
		folio_put(folio);
		return -EAGAIN;
	}
	err = start_writeback(folio);
	folio_unlock(folio);
	return err;
}

static int mark_page(struct page *page, bool force)
{
	lock_page(page);
	if (!force && PageDirty(page))
		return -EBUSY;
	SetPageDirty(page);
	unlock_page(page);
	return 0;
}

/* The error is the value the if tested. */
static int unuse_one(struct vm_area_struct *vma, unsigned long addr,
		     struct folio *folio)
{
	int ret;

	folio_lock(folio);
	ret = replace_entry(vma, addr, folio);
	if (ret < 0) {
		folio_put(folio);
		return ret;
	}
	folio_unlock(folio);
	folio_put(folio);
	return 0;
}
