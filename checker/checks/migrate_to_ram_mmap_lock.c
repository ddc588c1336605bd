// SPDX-License-Identifier: GPL-2.0
/*
 * migrate-to-ram-mmap-lock (driver side): every function a TU stores in a
 * callback slot the model names (dev_pagemap_ops.migrate_to_ram) is
 * followed through the TU's own functions to the first call that needs
 * mmap_lock (model entries marked needs-mmap: migrate_vma_setup(),
 * find_vma(), vma_lookup(), hmm_range_fault(), ...; or any entry that
 * takes, drops or asserts mmap_lock). One finding per callback, at its
 * first call leading there, with the call chain as notes: do_swap_page()
 * cannot call the callback under the per-VMA lock while it depends on
 * mmap_lock. Reported by design: it documents the contract.
 */
#include "check.h"

#include <string.h>

static const char *id = "migrate-to-ram-mmap-lock";

#define MAX_CHAIN 8

struct hop {
	const char *callee;
	struct ir_loc loc;
};

struct verdict {
	const char *fn;
	bool done, busy, found;
	struct hop chain[MAX_CHAIN];
	int n;
};

struct walk {
	const struct tu_view *tu;
	VEC(struct verdict) memo;
	bool cut;		/* a recursive call was cut: "no" answers are provisional */
};

static bool needs_mmap(const struct model_api *api)
{
	if (api->needs_mmap)
		return true;
	for (int c = 0; c < api->ncases; c++)
		for (int e = 0; e < api->cases[c].neffects; e++)
			if (api->cases[c].effects[e].cls == LC_MMAP ||
			    api->cases[c].effects[e].cls == LC_FAULT)
				return true;
	return false;
}

static int by_line(const void *a, const void *b)
{
	const struct ir_event *x = *(struct ir_event *const *)a, *y = *(struct ir_event *const *)b;

	return x->loc.line != y->loc.line ? (x->loc.line < y->loc.line ? -1 : 1) :
	       x->loc.col < y->loc.col ? -1 : x->loc.col > y->loc.col;
}

static struct verdict *depends(struct walk *w, const char *name, int depth);

/* The first call of fn, in source order, that leads to a need for mmap_lock. */
static void scan(struct walk *w, struct ir_function *fn, int idx, int depth)
{
	VEC(struct ir_event *) calls = {0};

	for (int b = 0; b < fn->nblocks; b++)
		for (int i = 0; i < fn->blocks[b]->nev; i++)
			if (fn->blocks[b]->ev[i].op == OP_CALL && fn->blocks[b]->ev[i].callee)
				vec_push(&calls, &fn->blocks[b]->ev[i]);
	qsort(calls.v, calls.n, sizeof(*calls.v), by_line);
	for (int i = 0; i < calls.n; i++) {
		const struct ir_event *ev = calls.v[i];
		const struct model_api *api = model_find(w->tu->model, ev->callee, ev->callee_ret, -1, -1);
		struct verdict *sub = NULL, *me;

		if (api && !needs_mmap(api))
			continue;
		if (!api && (!ev->callee_local || depth + 1 >= MAX_CHAIN ||
			     !(sub = depends(w, ev->callee, depth + 1)) || !sub->found))
			continue;
		me = &w->memo.v[idx];	/* depends() may have moved the array */
		me->found = true;
		me->chain[0] = (struct hop){ ev->callee, ev->loc };
		me->n = 1;
		for (int k = 0; sub && k < sub->n && me->n < MAX_CHAIN; k++)
			me->chain[me->n++] = sub->chain[k];
		break;
	}
	vec_free(&calls);
}

static struct verdict *depends(struct walk *w, const char *name, int depth)
{
	struct arena a = {0};
	struct ir_function *fn;
	int idx;

	for (int i = 0; i < w->memo.n; i++)
		if (w->memo.v[i].fn == name) {
			w->cut |= w->memo.v[i].busy;
			return w->memo.v[i].busy ? NULL : &w->memo.v[i];
		}
	vec_push(&w->memo, ((struct verdict){ .fn = name, .busy = true }));
	idx = w->memo.n - 1;
	fn = w->tu->lower(w->tu->ctx, name, &a);
	if (fn)
		scan(w, fn, idx, depth);
	arena_reset(&a);
	w->memo.v[idx].busy = false;
	w->memo.v[idx].done = true;
	if (w->cut && !w->memo.v[idx].found)
		w->memo.v[idx].fn = NULL;	/* answered inside a cycle: ask again later */
	if (!depth)
		w->cut = false;
	return &w->memo.v[idx];
}

static bool is_callback_slot(const struct tu_view *tu, const struct tu_slot *s)
{
	return model_is_callback_slot(tu->model, s->type, s->field);
}

static void on_tu(const struct tu_view *tu)
{
	struct walk w = { .tu = tu };

	for (int i = 0; i < tu->nslots; i++) {
		const struct tu_slot *s = &tu->slots[i];
		struct verdict *v;
		struct finding *f;
		struct strbuf chain = {0};
		bool seen = false;

		for (int j = 0; j < i; j++)	/* one finding per callback function */
			seen |= tu->slots[j].fn == s->fn && is_callback_slot(tu, &tu->slots[j]);
		if (seen || !is_callback_slot(tu, s) || !(v = depends(&w, s->fn, 0)) || !v->found)
			continue;
		sb_add(&chain, s->fn);
		for (int k = 0; k < v->n; k++)
			sb_addf(&chain, " -> %s", v->chain[k].callee);
		report_begin_function(s->fn);
		f = report_warn(id, v->chain[0].loc, "%s() is a ->%s callback and depends on mmap_lock "
				"(%s); do_swap_page() cannot call it under the per-VMA lock alone",
				s->fn, s->field, chain.s);
		report_note(f, s->loc, "installed as ->%s here", s->field);
		for (int k = 1; k < v->n; k++)
			report_note(f, v->chain[k].loc, "%s() calls %s()", v->chain[k - 1].callee,
				    v->chain[k].callee);
		report_end_function(true);
		sb_free(&chain);
	}
	vec_free(&w.memo);
}

void check_migrate_to_ram_mmap_lock_init(int index)
{
	(void)index;
	engine_add_tu_hook(on_tu);
}
