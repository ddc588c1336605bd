/* Models a compaction-style folio_trylock()-or-bail with a correctly ordered unwind ladder (out_unlock above out_put). */
#include <linux/mm.h>
#include <linux/pagemap.h>

int demo_try_clean(struct folio *folio)
{
	int ret;

	if (!folio_try_get(folio))
		return -ENOENT;
	if (!folio_trylock(folio)) {
		ret = -EAGAIN;
		goto out_put;
	}
	if (folio_test_writeback(folio)) {
		ret = -EBUSY;
		goto out_unlock;
	}
	ret = folio_mapped(folio) ? -EBUSY : 0;
out_unlock:
	folio_unlock(folio);
out_put:
	folio_put(folio);
	return ret;
}
