/* Returning the locked folio to the caller is the contract; the other
 * early returns unlock first or hand the folio to a function that does. */
static struct folio *get_locked_folio(struct address_space *mapping,
				      pgoff_t index)
{
	struct folio *folio = filemap_get_folio(mapping, index);

	if (IS_ERR(folio))
		return NULL;
	folio_lock(folio);
	if (folio->mapping == mapping)
		return folio;
	folio_unlock(folio);
	folio_put(folio);
	return NULL;
}

static int write_back_one_ok(struct folio *folio)
{
	int err;

	folio_lock(folio);
	if (!folio->mapping) {
		folio_unlock(folio);
		folio_put(folio);
		return -EAGAIN;
	}
	if (folio_test_writeback(folio))
		return finish_and_unlock(folio);
	err = start_writeback(folio);
	folio_unlock(folio);
	return err;
}

/* ->write_begin() style: success returns hand the locked folio to the
 * caller through *foliop. */
static int my_write_begin(struct address_space *mapping, loff_t pos,
			  unsigned int len, struct folio **foliop)
{
	struct folio *folio = grab_folio(mapping, pos);
	int err;

	if (!folio)
		return -ENOMEM;
	*foliop = folio;
	folio_lock(folio);
	if (len == folio_size(folio) || folio_test_uptodate(folio))
		return 0;
	err = read_folio_sync(folio);
	if (err) {
		folio_unlock(folio);
		folio_put(folio);
		*foliop = NULL;
		return err;
	}
	return 0;
}
