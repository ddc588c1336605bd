/* Models a batch walker that folio_trylock()s each folio of a batch and skips busy ones; trylocks never warn and each iteration unlocks. */
#include <linux/mm.h>
#include <linux/pagemap.h>

int demo_dirty_batch(struct folio **folios, int nr)
{
	int i, done = 0;

	for (i = 0; i < nr; i++) {
		struct folio *folio = folios[i];

		if (!folio_trylock(folio))
			continue;
		if (folio_test_writeback(folio)) {
			folio_unlock(folio);
			continue;
		}
		folio_mark_dirty(folio);
		folio_unlock(folio);
		done++;
	}
	return done;
}
