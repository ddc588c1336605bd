// SPDX-License-Identifier: GPL-2.0
/* IR construction helpers; every object lives in the function's arena. */
#include "ir.h"

#include <string.h>

struct ir_function *ir_function_new(struct arena *a, const char *name)
{
	struct ir_function *fn = arena_alloc(a, sizeof(*fn));

	fn->arena = a;
	fn->name = intern(name);
	return fn;
}

#define GROW(a, arr, n, cap) do {					\
	if ((n) == (cap)) {						\
		int ncap = (cap) ? 2 * (cap) : 8;			\
		void *narr = arena_alloc((a), ncap * sizeof(*(arr)));	\
		if (n)							\
			memcpy(narr, (arr), (n) * sizeof(*(arr)));	\
		(arr) = narr;						\
		(cap) = ncap;						\
	}								\
} while (0)

struct ir_var *ir_var_new(struct ir_function *fn, enum ir_var_kind kind,
			  const char *name, const char *type)
{
	struct ir_var *v = arena_alloc(fn->arena, sizeof(*v));
	int same = 0;

	for (int i = 0; i < fn->nvars; i++)
		if (fn->vars[i]->name == intern(name))
			same++;
	v->kind = kind;
	v->name = intern(name);
	v->key = same ? intern(arena_printf(fn->arena, "%s#%d", name, same)) : v->name;
	v->type = intern(type ? type : "");
	v->param_index = -1;
	GROW(fn->arena, fn->vars, fn->nvars, fn->capvars);
	fn->vars[fn->nvars++] = v;
	return v;
}

struct ir_var *ir_temp_new(struct ir_function *fn, const char *type)
{
	char name[32];

	snprintf(name, sizeof(name), "$t%d", ++fn->ntemps);
	return ir_var_new(fn, VAR_TEMP, name, type);
}

struct ir_block *ir_block_new(struct ir_function *fn)
{
	struct ir_block *bb = arena_alloc(fn->arena, sizeof(*bb));

	bb->id = fn->nblocks;
	GROW(fn->arena, fn->blocks, fn->nblocks, fn->capblocks);
	fn->blocks[fn->nblocks++] = bb;
	return bb;
}

struct ir_event *ir_emit(struct ir_function *fn, struct ir_block *bb,
			 enum ir_op op, struct ir_loc loc)
{
	struct ir_event *ev;

	GROW(fn->arena, bb->ev, bb->nev, bb->cap);
	ev = &bb->ev[bb->nev++];
	memset(ev, 0, sizeof(*ev));
	ev->op = op;
	ev->loc = loc;
	ev->id = ++fn->next_event_id;
	ev->callee_nparams = -1;
	return ev;
}

void ir_add_succ(struct ir_function *fn, struct ir_block *bb, struct ir_block *to)
{
	int *succ = arena_alloc(fn->arena, (bb->nsucc + 1) * sizeof(int));

	if (bb->nsucc)
		memcpy(succ, bb->succ, bb->nsucc * sizeof(int));
	succ[bb->nsucc++] = to->id;
	bb->succ = succ;
}

void ir_set_goto(struct ir_function *fn, struct ir_block *bb, struct ir_block *to)
{
	bb->term = T_GOTO;
	bb->nsucc = 0;
	ir_add_succ(fn, bb, to);
}

void ir_set_branch(struct ir_function *fn, struct ir_block *bb, struct ir_expr *cond,
		   struct ir_block *t, struct ir_block *f)
{
	bb->term = T_BRANCH;
	bb->cond = cond;
	bb->nsucc = 0;
	ir_add_succ(fn, bb, t);
	ir_add_succ(fn, bb, f);
}

static struct ir_expr *expr_new(struct ir_function *fn, enum ir_expr_kind kind, const char *type)
{
	struct ir_expr *e = arena_alloc(fn->arena, sizeof(*e));

	e->kind = kind;
	e->type = intern(type ? type : "");
	return e;
}

struct ir_expr *ir_const(struct ir_function *fn, int64_t value, const char *type)
{
	struct ir_expr *e = expr_new(fn, X_CONST, type);

	e->c.value = value;
	return e;
}

struct ir_expr *ir_unknown(struct ir_function *fn, const char *type)
{
	return expr_new(fn, X_UNKNOWN, type);
}

struct ir_expr *ir_var_path(struct ir_function *fn, struct ir_var *var)
{
	struct ir_expr *e = expr_new(fn, X_PATH, var->type);

	e->path.root = var;
	return e;
}

static struct ir_expr *path_copy(struct ir_function *fn, const struct ir_expr *base, int extra)
{
	struct ir_expr *e = expr_new(fn, X_PATH, base->type);

	e->path = base->path;
	e->path.steps = arena_alloc(fn->arena, (base->path.nsteps + extra) * sizeof(struct ir_step));
	if (base->path.nsteps)
		memcpy(e->path.steps, base->path.steps, base->path.nsteps * sizeof(struct ir_step));
	return e;
}

/* base must be a path without & unless the step is '.', which folds &s + .f into &s.f. */
struct ir_expr *ir_path_extend(struct ir_function *fn, const struct ir_expr *base,
			       enum ir_step_kind kind, const char *field, const char *type)
{
	struct ir_expr *e;

	if (base->kind != X_PATH)
		return ir_unknown(fn, type);
	/* (&x)->f is x.f; (*p).f is p->f */
	if (kind == STEP_ARROW && base->path.addr) {
		e = path_copy(fn, base, 1);
		e->path.addr = false;
		kind = STEP_DOT;
	} else if (kind == STEP_DOT && base->path.nsteps &&
		   base->path.steps[base->path.nsteps - 1].kind == STEP_DEREF && !base->path.addr) {
		e = path_copy(fn, base, 1);
		e->path.nsteps--;
		kind = STEP_ARROW;
	} else {
		if (base->path.addr)
			return ir_unknown(fn, type);
		e = path_copy(fn, base, 1);
	}
	e->path.steps[e->path.nsteps].kind = kind;
	e->path.steps[e->path.nsteps].field = field ? intern(field) : NULL;
	e->path.nsteps++;
	e->type = intern(type ? type : "");
	return e;
}

struct ir_expr *ir_addr_of(struct ir_function *fn, const struct ir_expr *e, const char *type)
{
	struct ir_expr *r;

	if (e->kind != X_PATH || e->path.addr)
		return ir_unknown(fn, type);
	r = path_copy(fn, e, 0);
	/* &*p is p */
	if (r->path.nsteps && r->path.steps[r->path.nsteps - 1].kind == STEP_DEREF)
		r->path.nsteps--;
	else
		r->path.addr = true;
	r->type = intern(type ? type : "");
	return r;
}

struct ir_expr *ir_deref(struct ir_function *fn, const struct ir_expr *e, const char *type)
{
	struct ir_expr *r;

	if (e->kind != X_PATH)
		return ir_unknown(fn, type);
	if (e->path.addr) {	/* *&x is x */
		r = path_copy(fn, e, 0);
		r->path.addr = false;
		r->type = intern(type ? type : "");
		return r;
	}
	return ir_path_extend(fn, e, STEP_DEREF, NULL, type);
}

struct ir_expr *ir_binop(struct ir_function *fn, enum ir_binop op,
			 struct ir_expr *l, struct ir_expr *r, const char *type)
{
	struct ir_expr *e = expr_new(fn, X_BINOP, type);

	e->bin.op = op;
	e->bin.l = l;
	e->bin.r = r;
	return e;
}

struct ir_expr *ir_not(struct ir_function *fn, struct ir_expr *inner)
{
	struct ir_expr *e;

	if (inner->kind == X_NOT)
		return ir_binop(fn, B_NE, inner->not, ir_const(fn, 0, "int"), "int");
	e = expr_new(fn, X_NOT, "int");
	e->not = inner;
	return e;
}

bool ir_expr_equal(const struct ir_expr *a, const struct ir_expr *b)
{
	if (a == b)
		return true;
	if (!a || !b || a->kind != b->kind)
		return false;
	switch (a->kind) {
	case X_UNKNOWN:
		return false;
	case X_CONST:
		return a->c.value == b->c.value;
	case X_PATH:
		if (a->path.root != b->path.root || a->path.addr != b->path.addr ||
		    a->path.nsteps != b->path.nsteps)
			return false;
		for (int i = 0; i < a->path.nsteps; i++)
			if (a->path.steps[i].kind != b->path.steps[i].kind ||
			    a->path.steps[i].field != b->path.steps[i].field ||
			    a->path.steps[i].const_index != b->path.steps[i].const_index ||
			    a->path.steps[i].index != b->path.steps[i].index)
				return false;
		return true;
	case X_BINOP:
		return a->bin.op == b->bin.op && ir_expr_equal(a->bin.l, b->bin.l) &&
		       ir_expr_equal(a->bin.r, b->bin.r);
	case X_NOT:
		return ir_expr_equal(a->not, b->not);
	}
	return false;
}

/* Drop blocks no path reaches (code after return, unused join blocks). */
void ir_function_compact(struct ir_function *fn)
{
	int *map = arena_alloc(fn->arena, fn->nblocks * sizeof(int));
	int *stack = arena_alloc(fn->arena, fn->nblocks * sizeof(int));
	int sp = 0, n = 0;

	for (int i = 0; i < fn->nblocks; i++)
		map[i] = -1;
	if (!fn->nblocks)
		return;
	map[0] = 0;
	stack[sp++] = 0;
	while (sp) {
		struct ir_block *bb = fn->blocks[stack[--sp]];

		for (int i = 0; i < bb->nsucc; i++)
			if (map[bb->succ[i]] < 0) {
				map[bb->succ[i]] = 0;
				stack[sp++] = bb->succ[i];
			}
	}
	for (int i = 0; i < fn->nblocks; i++)
		if (map[i] >= 0)
			map[i] = n++;
	for (int i = 0; i < fn->nblocks; i++) {
		struct ir_block *bb = fn->blocks[i];

		if (map[i] < 0)
			continue;
		for (int s = 0; s < bb->nsucc; s++)
			bb->succ[s] = map[bb->succ[s]];
		bb->id = map[i];
		fn->blocks[map[i]] = bb;
	}
	fn->nblocks = n;
}
