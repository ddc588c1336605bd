// SPDX-License-Identifier: GPL-2.0
/*
 * States are small sorted arrays (locks by class+instance, bindings by
 * location, facts by symbol) so equality and hashing are a linear scan and
 * two paths that know the same things collapse into one state.
 */
#include "state.h"

#include <string.h>

struct state *state_new(struct arena *a)
{
	return arena_alloc(a, sizeof(struct state));
}

struct state *state_copy(struct arena *a, const struct state *st)
{
	struct state *n = state_new(a);

	n->nlocks = st->nlocks;
	n->locks = arena_memdup(a, st->locks, st->nlocks * sizeof(*st->locks));
	n->nenv = st->nenv;
	n->env = arena_memdup(a, st->env, st->nenv * sizeof(*st->env));
	n->nfacts = st->nfacts;
	n->facts = arena_memdup(a, st->facts, st->nfacts * sizeof(*st->facts));
	n->approx = st->approx;
	n->locks_approx = st->locks_approx;
	return n;
}

static bool lock_same(const struct lock *a, const struct lock *b)
{
	return a->cls == b->cls && a->inst == b->inst && a->status == b->status &&
	       a->mode == b->mode && a->here == b->here && a->escaped == b->escaped &&
	       a->epoch == b->epoch;
}

static bool fact_same(const struct fact *a, const struct fact *b)
{
	return a->sym == b->sym && a->ptl == b->ptl && a->has_ne == b->has_ne &&
	       (!a->has_ne || a->ne == b->ne) && a->lo == b->lo && a->hi == b->hi &&
	       a->set == b->set && a->clear == b->clear && a->keeper.cls == b->keeper.cls &&
	       a->keeper.inst == b->keeper.inst && a->keeper.epoch == b->keeper.epoch &&
	       a->keeper.unchecked == b->keeper.unchecked && a->keeper.unmapped == b->keeper.unmapped &&
	       a->pred_sym == b->pred_sym && a->pred_op == b->pred_op && a->pred_c == b->pred_c;
}

bool state_equal(const struct state *a, const struct state *b)
{
	if (a->nlocks != b->nlocks || a->nenv != b->nenv || a->nfacts != b->nfacts ||
	    a->approx != b->approx)
		return false;
	for (int i = 0; i < a->nlocks; i++)
		if (!lock_same(&a->locks[i], &b->locks[i]))
			return false;
	if (memcmp(a->env, b->env, a->nenv * sizeof(*a->env)))
		return false;
	for (int i = 0; i < a->nfacts; i++)
		if (!fact_same(&a->facts[i], &b->facts[i]))
			return false;
	return true;
}

/* A 64-bit mixing step: states are hashed word by word, not byte by byte. */
static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdULL;
}

bool state_same_locks(const struct state *a, const struct state *b)
{
	if (a->nlocks != b->nlocks)
		return false;
	for (int i = 0; i < a->nlocks; i++)
		if (!lock_same(&a->locks[i], &b->locks[i]))
			return false;
	return true;
}

/* Same locks and bindings; only what is known of the values may differ. */
bool state_same_shape(const struct state *a, const struct state *b)
{
	return state_same_locks(a, b) && a->nenv == b->nenv &&
	       !memcmp(a->env, b->env, a->nenv * sizeof(*a->env));
}

uint64_t state_hash(const struct state *st)
{
	uint64_t h = mix(st->nlocks * 31 + st->nenv * 7 + st->nfacts, st->approx);

	for (int i = 0; i < st->nlocks; i++) {
		const struct lock *l = &st->locks[i];

		h = mix(h, ((uint64_t)l->cls << 56) ^ ((uint64_t)l->inst << 16) ^
			   (l->status * 4 + l->mode) ^ ((uint64_t)l->here << 8) ^ ((uint64_t)l->epoch << 40));
	}
	for (int i = 0; i < st->nenv; i++)
		h = mix(h, ((uint64_t)st->env[i].loc << 32) | (uint32_t)st->env[i].val);
	for (int i = 0; i < st->nfacts; i++) {
		const struct fact *f = &st->facts[i];

		h = mix(h, f->sym);
		h = mix(h, f->lo ^ (f->hi << 1) ^ f->set ^ (f->clear << 3));
		h = mix(h, (uint64_t)f->keeper.cls * 1000003ULL + f->keeper.inst * 31ULL +
			   f->keeper.epoch + (f->has_ne ? f->ne : 0x5a5a));
	}
	return h;
}

/* --- locks --- */

static int lock_cmp(enum lock_class c1, sym_t i1, enum lock_class c2, sym_t i2)
{
	if (c1 != c2)
		return c1 < c2 ? -1 : 1;
	return i1 < i2 ? -1 : i1 > i2;
}

const struct lock *state_find_lock(const struct state *st, enum lock_class cls, sym_t inst)
{
	for (int i = 0; i < st->nlocks; i++)
		if (st->locks[i].cls == cls && st->locks[i].inst == inst)
			return &st->locks[i];
	return NULL;
}

void state_set_lock(struct arena *a, struct state *st, const struct lock *lk)
{
	struct lock *n = arena_alloc(a, (st->nlocks + 1) * sizeof(*n));
	int j = 0, i = 0;

	for (; i < st->nlocks && lock_cmp(st->locks[i].cls, st->locks[i].inst, lk->cls, lk->inst) < 0; i++)
		n[j++] = st->locks[i];
	n[j++] = *lk;
	if (i < st->nlocks && !lock_cmp(st->locks[i].cls, st->locks[i].inst, lk->cls, lk->inst))
		i++;
	for (; i < st->nlocks; i++)
		n[j++] = st->locks[i];
	st->locks = n;
	st->nlocks = j;
}

void state_drop_lock(struct state *st, enum lock_class cls, sym_t inst)
{
	int j = 0;

	/* in place: every state owns its arrays */
	for (int i = 0; i < st->nlocks; i++)
		if (st->locks[i].cls != cls || st->locks[i].inst != inst)
			st->locks[j++] = st->locks[i];
	st->nlocks = j;
}

/* After instances were renamed in place: restore the canonical order. */
void state_sort_locks(struct state *st)
{
	for (int i = 1; i < st->nlocks; i++) {
		struct lock lk = st->locks[i];
		int j = i;

		for (; j > 0 && lock_cmp(st->locks[j - 1].cls, st->locks[j - 1].inst, lk.cls, lk.inst) > 0; j--)
			st->locks[j] = st->locks[j - 1];
		st->locks[j] = lk;
	}
}

void state_drop_class(struct state *st, enum lock_class cls, sym_t except)
{
	int j = 0;

	for (int i = 0; i < st->nlocks; i++)
		if (st->locks[i].cls != cls || st->locks[i].inst == except)
			st->locks[j++] = st->locks[i];
	st->nlocks = j;
}

/* --- environment --- */

sym_t state_env_get(const struct state *st, sym_t loc)
{
	int lo = 0, hi = st->nenv - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (st->env[mid].loc == loc)
			return st->env[mid].val;
		if (st->env[mid].loc < loc)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NO_SYM;
}

void state_env_set(struct arena *a, struct state *st, sym_t loc, sym_t val)
{
	struct binding *n;
	int i = 0, j = 0;

	for (; i < st->nenv && st->env[i].loc < loc; i++)
		;
	if (i < st->nenv && st->env[i].loc == loc) {
		st->env[i].val = val;	/* arrays are private to each state */
		return;
	}
	n = arena_alloc(a, (st->nenv + 1) * sizeof(*n));
	for (j = 0; j < i; j++)
		n[j] = st->env[j];
	n[i].loc = loc;
	n[i].val = val;
	for (j = i; j < st->nenv; j++)
		n[j + 1] = st->env[j];
	st->env = n;
	st->nenv++;
}

/* --- facts --- */

void fact_init(struct fact *f, sym_t sym)
{
	memset(f, 0, sizeof(*f));
	f->sym = sym;
	f->lo = INT64_MIN;
	f->hi = INT64_MAX;
	f->keeper.cls = LC_NR;
	f->pred_sym = NO_SYM;
}

bool fact_is_trivial(const struct fact *f)
{
	return !f->ptl && !f->has_ne && f->lo == INT64_MIN && f->hi == INT64_MAX &&
	       !f->set && !f->clear && f->keeper.cls == LC_NR && f->pred_sym == NO_SYM;
}

const struct fact *state_find_fact(const struct state *st, sym_t sym)
{
	for (int i = 0; i < st->nfacts; i++)
		if (st->facts[i].sym == sym)
			return &st->facts[i];
	return NULL;
}

struct fact state_get_fact(const struct state *st, sym_t sym)
{
	const struct fact *f = state_find_fact(st, sym);
	struct fact r;

	if (f)
		return *f;
	fact_init(&r, sym);
	return r;
}

void state_forget_fact(struct state *st, sym_t sym)
{
	int j = 0;

	for (int i = 0; i < st->nfacts; i++)
		if (st->facts[i].sym != sym)
			st->facts[j++] = st->facts[i];
	st->nfacts = j;
}

/* Where a fact for sym is or would go: facts are sorted by symbol. */
static int fact_index(const struct state *st, sym_t sym)
{
	int i = 0;

	while (i < st->nfacts && st->facts[i].sym < sym)
		i++;
	return i;
}

/*
 * An update of a known symbol is made in place (arrays are private to each
 * state): a copy of the whole array per refinement was a large part of the
 * engine's memory on long functions.
 */
void state_put_fact(struct arena *a, struct state *st, const struct fact *f)
{
	struct fact *n;
	int i = fact_index(st, f->sym);

	if (i < st->nfacts && st->facts[i].sym == f->sym && !fact_is_trivial(f)) {
		st->facts[i] = *f;
		return;
	}
	state_forget_fact(st, f->sym);
	if (fact_is_trivial(f))
		return;
	i = fact_index(st, f->sym);
	n = arena_alloc(a, (st->nfacts + 1) * sizeof(*n));
	memcpy(n, st->facts, i * sizeof(*n));
	n[i] = *f;
	memcpy(n + i + 1, st->facts + i, (st->nfacts - i) * sizeof(*n));
	st->facts = n;
	st->nfacts++;
}

enum cmp cmp_negate(enum cmp op)
{
	static const enum cmp neg[] = {
		[CMP_EQ] = CMP_NE, [CMP_NE] = CMP_EQ, [CMP_LT] = CMP_GE,
		[CMP_GT] = CMP_LE, [CMP_LE] = CMP_GT, [CMP_GE] = CMP_LT,
		[CMP_ANYBIT] = CMP_NOBIT, [CMP_NOBIT] = CMP_ANYBIT,
	};
	return neg[op];
}

static bool fact_const(const struct fact *f, int64_t *c)
{
	if (f->lo != f->hi)
		return false;
	*c = f->lo;
	return true;
}

int fact_test(const struct fact *f, enum cmp op, int64_t c)
{
	int64_t v;

	if (fact_const(f, &v)) {
		switch (op) {
		case CMP_EQ: return v == c;
		case CMP_NE: return v != c;
		case CMP_LT: return v < c;
		case CMP_GT: return v > c;
		case CMP_LE: return v <= c;
		case CMP_GE: return v >= c;
		case CMP_ANYBIT: return (v & c) != 0;
		case CMP_NOBIT: return (v & c) == 0;
		}
	}
	switch (op) {
	case CMP_EQ:
	case CMP_NE: {
		int eq = (c < f->lo || c > f->hi || (f->has_ne && f->ne == c) ||
			  ((uint64_t)c & f->clear) || (((uint64_t)c & f->set) != f->set)) ? 0 : -1;

		if (eq == 0)
			return op == CMP_NE;
		return -1;
	}
	case CMP_LT: return f->hi < c ? 1 : f->lo >= c ? 0 : -1;
	case CMP_GT: return f->lo > c ? 1 : f->hi <= c ? 0 : -1;
	case CMP_LE: return f->hi <= c ? 1 : f->lo > c ? 0 : -1;
	case CMP_GE: return f->lo >= c ? 1 : f->hi < c ? 0 : -1;
	case CMP_ANYBIT:
		if (f->set & (uint64_t)c)
			return 1;
		return ((uint64_t)c & ~f->clear) == 0 ? 0 : -1;
	case CMP_NOBIT: {
		int t = fact_test(f, CMP_ANYBIT, c);

		return t < 0 ? -1 : !t;
	}
	}
	return -1;
}

static bool fact_consistent(const struct fact *f)
{
	if (f->lo > f->hi || (f->set & f->clear))
		return false;
	if (f->lo == f->hi) {
		uint64_t v = f->lo;

		if ((f->has_ne && f->ne == f->lo) || (v & f->clear) || ((v & f->set) != f->set))
			return false;
	}
	if (f->set && f->lo == 0 && f->hi == 0)
		return false;
	return true;
}

bool fact_refine(struct fact *f, enum cmp op, int64_t c)
{
	int t = fact_test(f, op, c);

	if (t == 0)
		return false;
	if (t == 1)
		return true;
	switch (op) {
	case CMP_EQ:
		f->lo = f->hi = c;
		break;
	case CMP_NE:
		if (c == f->lo)
			f->lo++;
		else if (c == f->hi)
			f->hi--;
		else if (!f->has_ne) {
			f->has_ne = true;
			f->ne = c;
		}
		break;
	case CMP_LT:
		f->hi = c - 1;
		break;
	case CMP_GT:
		f->lo = c + 1;
		break;
	case CMP_LE:
		f->hi = c;
		break;
	case CMP_GE:
		f->lo = c;
		break;
	case CMP_ANYBIT:
		/* a single bit is representable; "one of several" is not */
		if (c && !(c & (c - 1)))
			f->set |= c;
		else if ((((uint64_t)c & ~f->clear) & (((uint64_t)c & ~f->clear) - 1)) == 0)
			f->set |= (uint64_t)c & ~f->clear;
		if (f->lo == 0 && f->hi > 0)
			f->lo = 1;
		break;
	case CMP_NOBIT:
		f->clear |= c;
		break;
	}
	return fact_consistent(f);
}

/* --- join --- */

struct state *state_join(struct arena *a, const struct state *x, const struct state *y,
			 sym_t (*fresh)(void *ctx, sym_t loc), void *ctx)
{
	struct state *r = state_new(a);

	r->approx = true;
	r->locks = arena_alloc(a, (x->nlocks + 1) * sizeof(*r->locks));
	for (int i = 0; i < x->nlocks; i++) {
		const struct lock *o = state_find_lock(y, x->locks[i].cls, x->locks[i].inst);

		if (o && lock_same(o, &x->locks[i]))
			r->locks[r->nlocks++] = x->locks[i];
	}
	r->locks_approx = x->locks_approx || y->locks_approx ||
			  r->nlocks != x->nlocks || r->nlocks != y->nlocks;
	r->env = arena_alloc(a, (x->nenv + y->nenv + 1) * sizeof(*r->env));
	/* a location bound differently (or only on one side) gets a fresh value */
	for (int i = 0, j = 0; i < x->nenv || j < y->nenv;) {
		sym_t loc;
		sym_t v;

		if (j >= y->nenv || (i < x->nenv && x->env[i].loc < y->env[j].loc)) {
			loc = x->env[i++].loc;
			v = fresh(ctx, loc);
		} else if (i >= x->nenv || y->env[j].loc < x->env[i].loc) {
			loc = y->env[j++].loc;
			v = fresh(ctx, loc);
		} else {
			loc = x->env[i].loc;
			v = x->env[i].val == y->env[j].val ? x->env[i].val : fresh(ctx, loc);
			i++;
			j++;
		}
		r->env[r->nenv].loc = loc;
		r->env[r->nenv++].val = v;
	}
	r->facts = arena_alloc(a, (x->nfacts + 1) * sizeof(*r->facts));
	for (int i = 0; i < x->nfacts; i++) {
		const struct fact *o = state_find_fact(y, x->facts[i].sym);

		if (o && fact_same(o, &x->facts[i]))
			r->facts[r->nfacts++] = x->facts[i];
	}
	return r;
}
