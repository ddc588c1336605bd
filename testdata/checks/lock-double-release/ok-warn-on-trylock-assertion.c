/* Models zsmalloc's SetZsPageMovable() / z3fold_alloc(): WARN_ON(!trylock_page()) on a page nobody else can see yet asserts that the trylock succeeds; the unconditional unlock after it is not a double release. */
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/bug.h>

extern void demo_set_movable(struct folio *folio);

void demo_make_movable(struct folio *folio)
{
	WARN_ON(!folio_trylock(folio));
	demo_set_movable(folio);
	folio_unlock(folio);
}

void demo_make_movable_once(struct folio *folio)
{
	WARN_ON_ONCE(!folio_trylock(folio));
	demo_set_movable(folio);
	folio_unlock(folio);
}
