// SPDX-License-Identifier: GPL-2.0
/*
 * vma-weak-revalidation: after mmap_lock was dropped and re-taken, the
 * code "revalidates" its VMA in a way that proves nothing:
 *  - comparing the old pointer with a fresh lookup (find_vma(mm, addr) !=
 *    vma): the old object may have been freed and the same address reused,
 *    or it may have been split, merged or resized in place;
 *  - using a find_vma() result without checking vma->vm_start <= addr:
 *    find_vma() returns the first VMA ending above addr, maybe the next one.
 * vma_lookup() does both right.
 */
#include "check.h"

static int slot;
static const char *id = "vma-weak-revalidation";

/* Is e a VMA looked up before the lock it needs was dropped and re-taken? */
static const struct lock *stale(const struct hook_args *a, const struct ir_expr *e, struct keeper *k)
{
	const struct lock *lk;

	if (!engine_is_vma(a->eng, e))
		return NULL;
	lk = engine_kept_lock(a->eng, a->st, e, k);
	return lk && lk->status == LS_HELD && lk->epoch != k->epoch ? lk : NULL;
}

static void on_branch(const struct hook_args *a)
{
	const struct ir_expr *c = a->expr;
	struct keeper k;
	const struct lock *lk;
	struct finding *f;

	if (c->kind == X_NOT)
		c = c->not;
	if (c->kind != X_BINOP || (c->bin.op != B_EQ && c->bin.op != B_NE))
		return;
	for (int side = 0; side < 2; side++) {
		const struct ir_expr *old = side ? c->bin.r : c->bin.l;
		const struct ir_expr *other = side ? c->bin.l : c->bin.r;

		/* vma != NULL only asks whether there was one */
		if (other->kind == X_CONST || !(lk = stale(a, old, &k)))
			continue;
		f = report_warn(id, a->bb->term_loc, "comparing %s, looked up before %s was dropped, "
				"with a new lookup does not revalidate it (the object may have been "
				"freed and reused, or changed in place); use vma = vma_lookup(mm, addr)",
				engine_expr_text(a->eng, old), lock_describe(a->eng, lk->cls, lk->text));
		report_note(f, k.at, "looked up here: %s", k.how);
		report_note(f, lk->dropped_at, "the lock was dropped here");
		return;
	}
}

/* A read through the VMA, or handing it to code that reads it (pointer_uses()). */
static void check_use(const struct hook_args *a, const struct ir_expr *e, struct ir_loc at)
{
	struct keeper k;
	const struct lock *lk;
	struct finding *f;

	if (e->kind != X_PATH || !engine_is_vma(a->eng, e))
		return;
	/* reading vm_start (or vm_end) is the range check itself */
	if (a->expr && engine_is_range_field(a->eng, a->ev->field))
		return;
	lk = engine_kept_lock(a->eng, a->st, e, &k);
	/* a find_vma() made after the lock was taken again, used unchecked */
	if (!lk || !k.unchecked || lk->status != LS_HELD || !lk->epoch || lk->epoch != k.epoch ||
	    !engine_first_report(a->eng, a->st, slot, e, lk))
		return;
	f = report_warn(id, at, "%s comes from find_vma() after mmap_lock was re-taken but "
			"vm_start is never checked: it may be the next VMA; use vma_lookup()",
			engine_expr_text(a->eng, e));
	report_note(f, k.at, "looked up here: %s", k.how);
}

static void on_use(const struct hook_args *a)
{
	pointer_uses(a, check_use);
}

void check_vma_weak_revalidation_init(int index)
{
	slot = index;
	engine_add_hook(HOOK_BRANCH, on_branch);
	engine_add_hook(HOOK_DEREF, on_use);
	engine_add_hook(HOOK_CALL, on_use);
}
