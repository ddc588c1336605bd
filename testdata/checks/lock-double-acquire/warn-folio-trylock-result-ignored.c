/* Models a migrate_folio_unmap()-style "trylock, else lock in sync mode" step that tests the mode instead of the saved trylock result, re-locking a folio it already holds. */
#include <linux/mm.h>
#include <linux/pagemap.h>

int demo_lock_for_migrate(struct folio *folio, bool sync)
{
	bool locked = folio_trylock(folio);

	if (!locked && !sync)
		return -EAGAIN;
	if (sync)
		folio_lock(folio);	/* expect: lock-double-acquire */

	if (folio_test_writeback(folio))
		folio_wait_writeback(folio);
	folio_mark_dirty(folio);
	folio_unlock(folio);
	return 0;
}
