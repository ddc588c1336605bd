// SPDX-License-Identifier: GPL-2.0
/*
 * lock-double-acquire: taking a lock already held on this path. None of
 * the mm locks is recursive: a second spin_lock on a PTL spins forever, a
 * second folio_lock sleeps forever, and mmap_lock under mmap_lock
 * deadlocks as soon as a writer queues. Trylocks fail instead: silent.
 */
#include "check.h"

static const char *id = "lock-double-acquire";

static void on_acquire(const struct hook_args *a)
{
	const struct lock *lk = a->lock;
	struct finding *f;

	if (a->effect->kind != EF_ACQUIRE || !lk || lk->status != LS_HELD)
		return;
	f = report_warn(id, a->ev->loc, "%s is taken here, but it is already held on this path",
			lock_describe(a->eng, a->cls, a->inst_text));
	report_note(f, lk->at, "%s here by %s", lk->here ? "taken" : "asserted held", lk->how);
}

void check_lock_double_acquire_init(int index)
{
	(void)index;
	engine_add_hook(HOOK_ACQUIRE, on_acquire);
}
