// SPDX-License-Identifier: GPL-2.0
/*
 * lock-double-release: releasing a lock this path already gave up, e.g.
 * vma_end_read() after handle_mm_fault() returned VM_FAULT_RETRY, which
 * had released the VMA lock itself. A lock the function never touched is
 * presumed held by the caller: no report.
 */
#include "check.h"

static const char *id = "lock-double-release";

static void on_release(const struct hook_args *a)
{
	const struct lock *lk = a->lock;
	struct finding *f;

	if (!lk || (lk->status != LS_RELEASED && lk->status != LS_NOT_TAKEN))
		return;
	f = report_warn(id, a->ev->loc, "%s is released here, but it is not held on this path",
			lock_describe(a->eng, a->cls, a->inst_text));
	if (lk->status == LS_RELEASED)
		report_note(f, lk->at, "already released here by %s", lk->how);
	else
		report_note(f, lk->at, "never taken: %s", lk->how);
}

void check_lock_double_release_init(int index)
{
	(void)index;
	engine_add_hook(HOOK_RELEASE, on_release);
}
