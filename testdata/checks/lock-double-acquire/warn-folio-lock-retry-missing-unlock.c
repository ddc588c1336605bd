/* Models a page-cache lookup that waits for writeback and jumps back to folio_lock() without folio_unlock() first. */
#include <linux/mm.h>
#include <linux/pagemap.h>

struct folio *demo_lock_stable_folio(struct address_space *mapping,
				     pgoff_t index)
{
	struct folio *folio;

	folio = filemap_get_folio(mapping, index);
	if (IS_ERR(folio))
		return NULL;
repeat:
	folio_lock(folio);	/* expect: lock-double-acquire */
	if (unlikely(folio_test_writeback(folio))) {
		folio_wait_writeback(folio);
		goto repeat;
	}
	if (unlikely(folio->mapping != mapping)) {
		folio_unlock(folio);
		folio_put(folio);
		return NULL;
	}
	return folio;
}
