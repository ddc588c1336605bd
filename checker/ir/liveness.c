// SPDX-License-Identifier: GPL-2.0
/*
 * Which variables are live at the entry of each block: the engine drops
 * what it knows about dead ones, so paths that differ only in values nobody
 * reads again become one state (loops converge, fewer states to join).
 * A variable whose address is taken is always live: it can be read
 * through a pointer the analysis does not follow.
 */
#include "ir.h"

#include <string.h>

static int var_index(const struct ir_function *fn, const struct ir_var *v)
{
	for (int i = 0; i < fn->nvars; i++)
		if (fn->vars[i] == v)
			return i;
	return -1;
}

static void set_bit(uint64_t *bits, int i)
{
	bits[i / 64] |= 1ULL << (i % 64);
}

static void uses(const struct ir_function *fn, const struct ir_expr *e, uint64_t *use,
		 const uint64_t *def, uint64_t *pinned)
{
	if (!e)
		return;
	switch (e->kind) {
	case X_PATH: {
		int i = var_index(fn, e->path.root);

		if (i < 0)
			return;
		if (e->path.addr)
			set_bit(pinned, i);
		if (!(def[i / 64] & (1ULL << (i % 64))))
			set_bit(use, i);
		return;
	}
	case X_BINOP:
		uses(fn, e->bin.l, use, def, pinned);
		uses(fn, e->bin.r, use, def, pinned);
		return;
	case X_NOT:
		uses(fn, e->not, use, def, pinned);
		return;
	default:
		return;
	}
}

uint64_t *ir_liveness(const struct ir_function *fn, int *words_out)
{
	int words = (fn->nvars + 63) / 64 + 1, nb = fn->nblocks;
	size_t size = (size_t)nb * words * sizeof(uint64_t);
	uint64_t *use = arena_alloc(fn->arena, size), *def = arena_alloc(fn->arena, size);
	uint64_t *live = arena_alloc(fn->arena, size), *pinned = arena_alloc(fn->arena, words * 8);
	bool changed = true;

	for (int b = 0; b < nb; b++) {
		const struct ir_block *bb = fn->blocks[b];
		uint64_t *u = use + b * words, *d = def + b * words;

		for (int i = 0; i < bb->nev; i++) {
			const struct ir_event *ev = &bb->ev[i];

			uses(fn, ev->src, u, d, pinned);
			uses(fn, ev->callee_expr, u, d, pinned);
			for (int a = 0; a < ev->nargs; a++)
				uses(fn, ev->args[a], u, d, pinned);
			if (ev->dst && ev->dst->kind == X_PATH && !ev->dst->path.nsteps) {
				int v = var_index(fn, ev->dst->path.root);

				if (v >= 0)
					set_bit(d, v);
			} else {
				uses(fn, ev->dst, u, d, pinned);	/* p->f = x reads p */
			}
		}
		uses(fn, bb->cond, u, d, pinned);
		uses(fn, bb->ret, u, d, pinned);
	}
	for (int i = 0; i < fn->nvars; i++)
		if (fn->vars[i]->kind == VAR_GLOBAL)
			set_bit(pinned, i);
	while (changed) {
		changed = false;
		for (int b = nb - 1; b >= 0; b--) {
			const struct ir_block *bb = fn->blocks[b];
			uint64_t *l = live + b * words;

			for (int w = 0; w < words; w++) {
				uint64_t out = 0, in;

				for (int s = 0; s < bb->nsucc; s++)
					out |= live[bb->succ[s] * words + w];
				in = use[b * words + w] | (out & ~def[b * words + w]) | pinned[w];
				if (in != l[w]) {
					l[w] = in;
					changed = true;
				}
			}
		}
	}
	*words_out = words;
	return live;
}
