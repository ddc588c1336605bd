// SPDX-License-Identifier: GPL-2.0
/*
 * vma-stale-after-relock: the lock that kept a VMA alive was dropped and
 * taken again (any mode; also fixup_user_fault() reporting *unlocked), and
 * the VMA pointer from before the drop is used without a new lookup. The
 * object may have been freed and reused, split, merged or moved meanwhile;
 * comparing it with a fresh lookup does not make it valid.
 */
#include "check.h"

static int slot;
static const char *id = "vma-stale-after-relock";

static void check_use(const struct hook_args *a, const struct ir_expr *e, struct ir_loc at)
{
	struct keeper k;
	const struct lock *lk;
	struct finding *f;

	if (!engine_is_vma(a->eng, e))
		return;
	lk = engine_kept_lock(a->eng, a->st, e, &k);
	if (!lk || lk->status != LS_HELD || lk->epoch == k.epoch || !k.how)
		return;
	if (!engine_first_report(a->eng, a->st, slot, e, lk))
		return;
	f = report_warn(id, at, "VMA %s was looked up before %s was dropped and re-taken; "
			"look it up again (vma_lookup()) before using it",
			engine_expr_text(a->eng, e), lock_describe(a->eng, lk->cls, lk->text));
	report_note(f, k.at, "looked up here: %s", k.how);
	report_note(f, lk->dropped_at, "the lock was dropped here");
	report_note(f, lk->at, "and re-taken here by %s", lk->how);
}

static void on_use(const struct hook_args *a)
{
	pointer_uses(a, check_use);
}

void check_vma_stale_after_relock_init(int index)
{
	slot = index;
	engine_add_hook(HOOK_DEREF, on_use);
	engine_add_hook(HOOK_CALL, on_use);
}
