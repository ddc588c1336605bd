/* Models a folio isolation helper: the writeback exit returns -EBUSY with the folio still locked, while the mapped exit unlocks before returning -EBUSY. */
#include <linux/mm.h>
#include <linux/pagemap.h>

int demo_try_isolate(struct folio *folio)
{
	if (!folio_trylock(folio))
		return -EAGAIN;
	if (folio_mapped(folio)) {
		folio_unlock(folio);
		return -EBUSY;
	}
	if (folio_test_writeback(folio))
		return -EBUSY;	/* expect: lock-leak */
	folio_mark_dirty(folio);
	folio_unlock(folio);
	return 0;
}
