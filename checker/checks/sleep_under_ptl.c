// SPDX-License-Identifier: GPL-2.0
/*
 * sleep-under-ptl: the page-table lock is a spinlock; a call the model
 * marks as sleeping (mmap_lock, folio_lock, mutexes, cond_resched, ...)
 * while one is held is a "scheduling while atomic" bug.
 */
#include "check.h"

static const char *id = "sleep-under-ptl";

static void on_call(const struct hook_args *a)
{
	const struct state *st = a->st;
	struct finding *f;

	if (!a->api || !a->api->sleeps)
		return;
	for (int i = 0; i < st->nlocks; i++) {
		const struct lock *lk = &st->locks[i];

		if (lk->cls != LC_PTL || lk->status != LS_HELD)
			continue;
		f = report_warn(id, a->ev->loc, "%s() may sleep, but %s is held",
				a->api->name, lock_describe(a->eng, lk->cls, lk->text));
		report_note(f, lk->at, "%s here by %s", lk->here ? "taken" : "asserted held", lk->how);
		return;
	}
}

void check_sleep_under_ptl_init(int index)
{
	(void)index;
	engine_add_hook(HOOK_CALL, on_call);
}
