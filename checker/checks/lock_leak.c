// SPDX-License-Identifier: GPL-2.0
/*
 * lock-leak: Smatch's "inconsistent returns", with return values respected.
 * A path that returns with a lock this function took is only reported when
 * another path returning the same thing (the same constant, or both void)
 * released that lock: then the caller cannot tell the two apart. Functions
 * that return NULL vs a locked pointer, 0 vs -EINTR, true vs false are
 * telling the caller what they hold and stay silent.
 */
#include "check.h"

#include <string.h>

static const char *id = "lock-leak";
static int slot;

struct exit_path {
	struct exit_path *next;
	struct ir_loc loc;
	bool is_void, known;
	int64_t value;
	struct lock *locks;
	int nlocks;
};

static void on_return(const struct hook_args *a)
{
	struct exit_path **head = (struct exit_path **)engine_check_data(a->eng, slot);
	struct arena *ar = engine_arena(a->eng);
	struct exit_path *p = arena_alloc(ar, sizeof(*p));

	p->loc = a->bb->term_loc;
	p->is_void = !a->ret;
	p->known = a->ret && aval_const(a->ret, &p->value);
	p->nlocks = a->st->nlocks;
	p->locks = arena_memdup(ar, a->st->locks, a->st->nlocks * sizeof(struct lock));
	/* a lock handed to the caller (pvmw->ptl, a returned pte's ptl) is not leaked */
	for (int i = 0; i < p->nlocks; i++)
		if (engine_lock_visible(a->eng, a->st, &p->locks[i], a->ret))
			p->locks[i].escaped = true;
	p->next = *head;
	*head = p;
}

static bool same_result(const struct exit_path *x, const struct exit_path *y)
{
	if (x->is_void || y->is_void)
		return x->is_void && y->is_void;
	return x->known && y->known && x->value == y->value;
}

static const struct lock *find(const struct exit_path *p, const struct lock *lk)
{
	for (int i = 0; i < p->nlocks; i++)
		if (p->locks[i].cls == lk->cls && p->locks[i].inst == lk->inst)
			return &p->locks[i];
	return NULL;
}

static void on_end(const struct hook_args *a)
{
	struct exit_path *head = *(struct exit_path **)engine_check_data(a->eng, slot);

	for (struct exit_path *p = head; p; p = p->next) {
		for (int i = 0; i < p->nlocks; i++) {
			const struct lock *held = &p->locks[i];

			if (held->status != LS_HELD || !held->here || held->escaped)
				continue;
			for (struct exit_path *q = head; q; q = q->next) {
				const struct lock *other = find(q, held);
				struct finding *f;

				if (q == p || !same_result(p, q) || !other || other->status != LS_RELEASED)
					continue;
				f = report_warn(id, p->loc, "%s is still held on this return, "
						"but another path returning the same value releases it",
						lock_describe(a->eng, held->cls, held->text));
				report_note(f, held->at, "taken here by %s", held->how);
				report_note(f, other->at, "released here on the other path");
				report_note(f, q->loc, "the other path returns here");
				break;
			}
		}
	}
}

void check_lock_leak_init(int index)
{
	slot = index;
	engine_add_hook(HOOK_RETURN, on_return);
	engine_add_hook(HOOK_FUNCTION_END, on_end);
}
