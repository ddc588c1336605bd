/* A WARN_ON() whose value is tested is an error path the code handles, and it is checked: here the failed trylock jumps to a label that unlocks. */
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/bug.h>

extern void demo_set_movable(struct folio *folio);

int demo_make_movable_checked(struct folio *folio)
{
	int ret = 0;

	if (WARN_ON(!folio_trylock(folio))) {
		ret = -EBUSY;
		goto out;
	}
	demo_set_movable(folio);
out:
	folio_unlock(folio);	/* expect: lock-double-release */
	return ret;
}
