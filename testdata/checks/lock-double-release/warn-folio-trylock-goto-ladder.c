/* Models a reclaim/compaction-style folio scan whose folio_trylock() failure bails out through the folio_unlock() label. */
#include <linux/mm.h>
#include <linux/pagemap.h>

int demo_try_clean(struct folio *folio)
{
	int ret = -EAGAIN;

	if (!folio_try_get(folio))
		return -ENOENT;
	if (!folio_trylock(folio))
		goto out_unlock;
	if (folio_test_writeback(folio) || folio_test_dirty(folio)) {
		ret = -EBUSY;
		goto out_unlock;
	}
	ret = folio_mapped(folio) ? -EBUSY : 0;
out_unlock:
	folio_unlock(folio);	/* expect: lock-double-release */
	folio_put(folio);
	return ret;
}
