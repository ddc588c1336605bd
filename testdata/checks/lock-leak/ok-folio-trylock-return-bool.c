/* Models a trylock helper returning bool: true means the folio is handed back locked, false means nothing is held. */
#include <linux/mm.h>
#include <linux/pagemap.h>

bool demo_trylock_mapped(struct folio *folio, struct address_space *mapping)
{
	if (!folio_trylock(folio))
		return false;
	if (folio->mapping != mapping) {
		folio_unlock(folio);
		return false;
	}
	if (folio_test_writeback(folio)) {
		folio_unlock(folio);
		return false;
	}
	return true;
}
