/* A trylock helper returning 0 with the folio locked and -EAGAIN without: callers branch on it. */
#include <linux/mm.h>
#include <linux/pagemap.h>

static int demo_lock_folio(struct folio *folio)
{
	if (!folio_trylock(folio))
		return -EAGAIN;
	return 0;
}

int demo_use(struct folio *folio)
{
	if (demo_lock_folio(folio))
		return -EAGAIN;
	folio_mark_dirty(folio);
	folio_unlock(folio);
	return 0;
}
