// SPDX-License-Identifier: GPL-2.0
/*
 * vma-use-after-unlock: a VMA is read through (or handed to a function
 * that may read it) after the lock that kept it alive was released on
 * this path: mmap_read_unlock() of its mm, vma_end_read() of it,
 * release_fault_lock(), or a callee that dropped it (handle_mm_fault()
 * returning VM_FAULT_RETRY). The VMA may be freed by then.
 */
#include "check.h"

static int slot;
static const char *id = "vma-use-after-unlock";

static void check_use(const struct hook_args *a, const struct ir_expr *e, struct ir_loc at)
{
	struct keeper k;
	const struct lock *lk;
	struct finding *f;

	if (!engine_is_vma(a->eng, e))
		return;
	lk = engine_kept_lock(a->eng, a->st, e, &k);
	if (!lk || lk->status != LS_RELEASED)
		return;
	if (!engine_first_report(a->eng, a->st, slot, e, lk))
		return;
	f = report_warn(id, at, "VMA %s is used after %s was released on this path",
			engine_expr_text(a->eng, e), lock_describe(a->eng, lk->cls, lk->text));
	if (k.how)
		report_note(f, k.at, "%s is kept alive by that lock: %s", engine_expr_text(a->eng, e), k.how);
	report_note(f, lk->at, "released here by %s", lk->how);
}

static void on_use(const struct hook_args *a)
{
	pointer_uses(a, check_use);
}

void check_vma_use_after_unlock_init(int index)
{
	slot = index;
	engine_add_hook(HOOK_DEREF, on_use);
	engine_add_hook(HOOK_CALL, on_use);
}
