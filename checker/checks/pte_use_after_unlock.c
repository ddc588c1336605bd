// SPDX-License-Identifier: GPL-2.0
/*
 * pte-use-after-unlock: a PTE pointer from pte_offset_map_lock(),
 * pte_alloc_map_lock() or get_locked_pte() is read or written (*pte,
 * ptep_get(), set_pte_at(), pte_same() on it) after pte_unmap_unlock(pte,
 * ptl) released its lock and mapping (or spin_unlock() and pte_unmap(), the
 * 6.12 macro): the table may have been freed or changed under it. A plain
 * spin_unlock(ptl) that keeps the PTE mapped (khugepaged's collapse does that
 * on a detached table) is not reported.
 */
#include "check.h"

static const char *id = "pte-use-after-unlock";

/* Did the release also unmap this PTE (it was an argument of the call)? */
static bool unmapped_by(const struct ir_event *ev, const struct ir_expr *pte)
{
	for (int i = 0; ev && i < ev->nargs; i++)
		if (ir_expr_equal(ev->args[i], pte))
			return true;
	return false;
}

static void check_use(const struct hook_args *a, const struct ir_expr *e, struct ir_loc at)
{
	struct keeper k;
	const struct lock *lk = engine_kept_lock(a->eng, a->st, e, &k);
	struct finding *f;

	if (!lk || k.cls != LC_PTL || lk->status != LS_RELEASED ||
	    !(k.unmapped || unmapped_by(lk->ev, e)))
		return;
	f = report_warn(id, at, "PTE %s is used after %s was released on this path",
			engine_expr_text(a->eng, e), lock_describe(a->eng, lk->cls, lk->text));
	report_note(f, k.at, "mapped and locked here by %s", k.how);
	report_note(f, lk->at, "released here by %s", lk->how);
}

static void on_use(const struct hook_args *a)
{
	pointer_uses(a, check_use);
}

void check_pte_use_after_unlock_init(int index)
{
	(void)index;
	engine_add_hook(HOOK_DEREF, on_use);
	engine_add_hook(HOOK_CALL, on_use);
}
