/* Models the page-cache lock-then-recheck loop: folio_unlock() + folio_put() before jumping back to the lookup that locks again. */
#include <linux/mm.h>
#include <linux/pagemap.h>

struct folio *demo_lock_cached(struct address_space *mapping, pgoff_t index)
{
	struct folio *folio;

repeat:
	folio = filemap_get_folio(mapping, index);
	if (IS_ERR(folio))
		return NULL;
	folio_lock(folio);
	if (unlikely(folio->mapping != mapping)) {
		folio_unlock(folio);
		folio_put(folio);
		goto repeat;
	}
	return folio;
}
