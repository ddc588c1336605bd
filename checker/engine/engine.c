// SPDX-License-Identifier: GPL-2.0
/*
 * The dataflow: a worklist of (block, state) pairs. Each block keeps the
 * distinct states that reached it, up to a bound; past the bound further
 * states are joined into widened states that keep only what they all
 * agree on, so the bound can only lose findings, never invent one. States
 * with the same locks and bindings join first (a loop counter differs, the
 * locks do not), so widening rarely costs what locks are held.
 *
 * Calls are where locks change. A model entry (or, later, a summary) lists
 * cases, each a condition on the return value or an out parameter plus
 * effects; the engine forks one state per feasible case, records the
 * condition as a fact on the fresh return value, and applies the effects
 * through apply_effect(), the single transfer function for lock effects.
 */
#include "engine.h"

#include <string.h>
#include <time.h>

#include "state.h"

#define MAX_CHECKS 32

static struct {
	hook_fn *fn;
	int n;
} hooks[HOOK_NR];

void engine_add_hook(enum hook_kind kind, hook_fn fn)
{
	hooks[kind].fn = xrealloc(hooks[kind].fn, (hooks[kind].n + 1) * sizeof(hook_fn));
	hooks[kind].fn[hooks[kind].n++] = fn;
}

static VEC(tu_hook_fn) tu_hooks;

void engine_add_tu_hook(tu_hook_fn fn)
{
	vec_push(&tu_hooks, fn);
}

void engine_run_tu_hooks(const struct tu_view *tu)
{
	for (int i = 0; i < tu_hooks.n; i++)
		tu_hooks.v[i](tu);
}

struct pending {
	int block;
	struct state *st;
};

#define MAX_WIDENED 16

struct block_states {
	struct state **v;
	int n, cap;
	struct state *widened[MAX_WIDENED];	/* one per shape; the last takes the rest */
	int nwidened;
};

/* A name formed from another symbol's: "vma->vm_mm", "*ptlp", "folio@old". */
enum derive { D_ARROW, D_DOT, D_DEREF, D_INDEX, D_OLD, D_STALE, D_JOIN };

struct derived {
	sym_t base;
	enum derive kind;
	intptr_t arg;		/* the field (pointer), or the index */
	sym_t sym;		/* NO_SYM: empty slot */
};

struct engine {
	const struct engine_config *cfg;
	const char *gave_up;		/* why the budget ran out, or NULL */
	bool debug;			/* --debug-states for this function */
	struct binding entry_env[4];	/* what entry_state() bound: not the callee's writes */
	int nentry_env;
	const struct model *model;
	struct ir_function *fn;
	struct arena *arena;		/* the function's: names, texts, block records */
	/*
	 * The working states of one worklist step (copies, branch forks, call
	 * outcomes, arrays outgrown): reset after each step. Only a state a
	 * block keeps is copied into the function's arena.
	 */
	struct arena scratch;
	/* symbols */
	const char **names;
	int nsyms, capsyms;
	int *slots;		/* open addressing: sym id + 1, 0 empty */
	int nslots;
	struct derived *derived;	/* memo of sym_derive(), open addressing */
	int nderived, capderived;
	/* worklist */
	struct pending *work;
	int head, tail, capwork;
	struct block_states *blocks;
	long steps;
	clock_t start;
	/* liveness: bindings of dead variables are dropped at block entry */
	uint64_t *live;
	int live_words;
	sym_t *var_loc;
	int *var_of_sym;	/* variable index of a location symbol, -1 */
	int nvar_of_sym;
	unsigned char *mark;	/* prune_dead() scratch, by symbol */
	int capmark;
	void *check_data[MAX_CHECKS];
};

/*
 * A state that went through a join lost the facts that tie its locks to
 * its branches; findings from it could be invented, so checks do not see
 * it (the bound on states can only lose findings).
 */
static void run_hooks(enum hook_kind kind, const struct hook_args *a)
{
	if ((a->st && a->st->approx) || a->eng->cfg->quiet)
		return;
	for (int i = 0; i < hooks[kind].n; i++)
		hooks[kind].fn[i](a);
}

const struct ir_function *engine_function(const struct engine *eng)
{
	return eng->fn;
}

struct arena *engine_arena(struct engine *eng)
{
	return eng->arena;
}

void **engine_check_data(struct engine *eng, int idx)
{
	return &eng->check_data[idx];
}

/* --- symbols --- */

static void sym_grow(struct engine *eng)
{
	int n = eng->nslots ? eng->nslots * 2 : 1024;
	int *slots = arena_alloc(eng->arena, n * sizeof(int));

	for (int i = 0; i < eng->nsyms; i++) {
		size_t h = hash_bytes(eng->names[i], strlen(eng->names[i]), 0) & (n - 1);

		while (slots[h])
			h = (h + 1) & (n - 1);
		slots[h] = i + 1;
	}
	eng->slots = slots;
	eng->nslots = n;
}

static sym_t sym_lookup(struct engine *eng, const char *name, bool create)
{
	size_t h;

	if (2 * (eng->nsyms + 1) > eng->nslots)
		sym_grow(eng);
	h = hash_bytes(name, strlen(name), 0) & (eng->nslots - 1);
	for (; eng->slots[h]; h = (h + 1) & (eng->nslots - 1))
		if (!strcmp(eng->names[eng->slots[h] - 1], name))
			return eng->slots[h] - 1;
	if (!create)
		return NO_SYM;
	if (eng->nsyms == eng->capsyms) {
		int cap = eng->capsyms ? eng->capsyms * 2 : 256;
		const char **names = arena_alloc(eng->arena, cap * sizeof(*names));

		memcpy(names, eng->names, eng->nsyms * sizeof(*names));
		eng->names = names;
		eng->capsyms = cap;
	}
	eng->names[eng->nsyms] = arena_strdup(eng->arena, name);
	eng->slots[h] = eng->nsyms + 1;
	return eng->nsyms++;
}

static sym_t sym_named(struct engine *eng, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static sym_t sym_named(struct engine *eng, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return sym_lookup(eng, buf, true);
}

static size_t derived_hash(sym_t base, enum derive kind, intptr_t arg, int cap)
{
	uint64_t h = ((uint64_t)base << 3 | kind) * 0x9e3779b97f4a7c15ULL;

	h ^= (uint64_t)arg * 0xff51afd7ed558ccdULL;
	return (h ^ h >> 29) & (cap - 1);
}

static void derived_insert(struct derived *tab, int cap, const struct derived *d)
{
	size_t h = derived_hash(d->base, d->kind, d->arg, cap);

	while (tab[h].sym != NO_SYM)
		h = (h + 1) & (cap - 1);
	tab[h] = *d;
}

static void derived_grow(struct engine *eng)
{
	int cap = eng->capderived ? eng->capderived * 2 : 1024;
	struct derived *tab = arena_alloc(eng->arena, cap * sizeof(*tab));

	for (int i = 0; i < cap; i++)
		tab[i].sym = NO_SYM;
	for (int i = 0; i < eng->capderived; i++)
		if (eng->derived[i].sym != NO_SYM)
			derived_insert(tab, cap, &eng->derived[i]);
	eng->derived = tab;
	eng->capderived = cap;
}

static sym_t derive_name(struct engine *eng, sym_t base, enum derive kind, intptr_t arg)
{
	const char *b = eng->names[base];

	switch (kind) {
	case D_ARROW: return sym_named(eng, "%s->%s", b, (const char *)arg);
	case D_DOT: return sym_named(eng, "%s.%s", b, (const char *)arg);
	case D_DEREF: return sym_named(eng, "*%s", b);
	case D_INDEX: return sym_named(eng, "%s[%lld]", b, (long long)arg);
	case D_OLD: return sym_named(eng, "%s@old", b);
	case D_STALE: return sym_named(eng, "%s@stale", b);
	case D_JOIN: return sym_named(eng, "%s@join", b);
	}
	return NO_SYM;
}

/*
 * The symbol named after base: the same few names are formed again on
 * every path, so each is formatted and hashed once per function.
 */
static sym_t sym_derive(struct engine *eng, sym_t base, enum derive kind, intptr_t arg)
{
	size_t h;
	struct derived d = { base, kind, arg, NO_SYM };

	if (2 * (eng->nderived + 1) > eng->capderived)
		derived_grow(eng);
	h = derived_hash(base, kind, arg, eng->capderived);
	for (; eng->derived[h].sym != NO_SYM; h = (h + 1) & (eng->capderived - 1))
		if (eng->derived[h].base == base && eng->derived[h].kind == kind &&
		    eng->derived[h].arg == arg)
			return eng->derived[h].sym;
	d.sym = derive_name(eng, base, kind, arg);
	eng->derived[h] = d;
	eng->nderived++;
	return d.sym;
}

const char *engine_sym_name(const struct engine *eng, sym_t s)
{
	return s >= 0 && s < eng->nsyms ? eng->names[s] : "?";
}

/* Display form: versions ("@12") are an engine detail. */
static const char *sym_display(const struct engine *eng, sym_t s)
{
	const char *n = engine_sym_name(eng, s);
	char *out = arena_alloc(((struct engine *)eng)->arena, strlen(n) + 1), *o = out;

	for (const char *p = n; *p; p++) {
		if (*p == '@') {
			while (p[1] >= '0' && p[1] <= '9')
				p++;
			continue;
		}
		if (*p == '$')	/* temporaries */
			return "the value";
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

const char *lock_describe(const struct engine *eng, enum lock_class cls, const char *n)
{
	struct arena *a = ((struct engine *)eng)->arena;

	switch (cls) {
	case LC_MMAP: return arena_printf(a, "mmap_lock of %s", n);
	case LC_FAULT: return arena_printf(a, "fault lock (mmap_lock or VMA lock) of %s", n);
	case LC_VMA: return arena_printf(a, "VMA lock of %s", n);
	case LC_PTL: return arena_printf(a, "page-table lock %s", n);
	case LC_FOLIO: return arena_printf(a, "folio lock of %s", n);
	default: return arena_printf(a, "lock %s", n);
	}
}

/* --- values --- */

static sym_t value_of(struct engine *eng, const struct state *st, sym_t loc)
{
	sym_t v = loc == NO_SYM ? NO_SYM : state_env_get(st, loc);

	(void)eng;
	return v == NO_SYM ? loc : v;
}

static sym_t child_loc(struct engine *eng, sym_t base, const struct ir_step *s)
{
	switch (s->kind) {
	case STEP_ARROW: return sym_derive(eng, base, D_ARROW, (intptr_t)s->field);
	case STEP_DOT: return sym_derive(eng, base, D_DOT, (intptr_t)s->field);
	case STEP_DEREF: return sym_derive(eng, base, D_DEREF, 0);
	case STEP_INDEX:	/* pages[i]: a different element each time, no name */
		return s->const_index ? sym_derive(eng, base, D_INDEX, (intptr_t)s->index) : NO_SYM;
	}
	return NO_SYM;
}

/* The location a path names (without its &), or NO_SYM. */
static sym_t path_loc(struct engine *eng, const struct state *st, const struct ir_expr *e)
{
	sym_t loc, v;

	if (e->kind != X_PATH)
		return NO_SYM;
	/*
	 * Struct values are named like pointers (s.f is a part of s's value),
	 * so a copied struct reads the same fields as the original.
	 */
	loc = sym_lookup(eng, e->path.root->key, true);
	for (int i = 0; i < e->path.nsteps && loc != NO_SYM; i++) {
		v = value_of(eng, st, loc);
		loc = child_loc(eng, v, &e->path.steps[i]);
	}
	return loc;
}

static struct aval aval_unknown(void)
{
	struct aval v = { NO_SYM, {0} };

	fact_init(&v.f, NO_SYM);
	return v;
}

static struct aval aval_const_of(int64_t c)
{
	struct aval v = aval_unknown();

	v.f.lo = v.f.hi = c;
	v.f.set = c;
	v.f.clear = ~(uint64_t)c;
	return v;
}

bool aval_const(const struct aval *v, int64_t *c)
{
	if (v->f.lo != v->f.hi)
		return false;
	*c = v->f.lo;
	return true;
}

static struct aval eval(struct engine *eng, const struct state *st, const struct ir_expr *e);

/*
 * a == b between two unknown values: the comparison itself becomes a
 * symbol, so testing it again (or testing a != b) follows the first answer.
 */
static sym_t equality_sym(struct engine *eng, sym_t a, sym_t b)
{
	if (a > b) {
		sym_t t = a;

		a = b;
		b = t;
	}
	return sym_named(eng, "(%s == %s)", eng->names[a], eng->names[b]);
}

/* 1/0 when the comparison of two symbols is decided, else -1. */
static int compare_syms(struct engine *eng, const struct state *st, enum ir_binop op,
			sym_t a, sym_t b)
{
	int eq;

	if (a == NO_SYM || b == NO_SYM)
		return -1;
	if (a == b)
		eq = 1;
	else if (op == B_EQ || op == B_NE)
		eq = fact_test(state_find_fact(st, equality_sym(eng, a, b)) ?
			       state_find_fact(st, equality_sym(eng, a, b)) :
			       &(struct fact){ .lo = INT64_MIN, .hi = INT64_MAX }, CMP_NE, 0);
	else
		return -1;
	if (eq < 0)
		return -1;
	switch (op) {
	case B_EQ: case B_LE: case B_GE: return eq;
	case B_NE: case B_LT: case B_GT: return eq ? 0 : (op == B_NE ? 1 : -1);
	default: return -1;
	}
}

static struct aval eval_binop(struct engine *eng, const struct state *st, const struct ir_expr *e)
{
	struct aval l = eval(eng, st, e->bin.l), r = eval(eng, st, e->bin.r), v = aval_unknown();
	int64_t a, b;
	bool lc = aval_const(&l, &a), rc = aval_const(&r, &b);

	if (lc && rc) {
		switch (e->bin.op) {
		case B_AND: return aval_const_of(a & b);
		case B_OR: return aval_const_of(a | b);
		case B_EQ: return aval_const_of(a == b);
		case B_NE: return aval_const_of(a != b);
		case B_LT: return aval_const_of(a < b);
		case B_GT: return aval_const_of(a > b);
		case B_LE: return aval_const_of(a <= b);
		case B_GE: return aval_const_of(a >= b);
		case B_ADD: return aval_const_of(a + b);
		case B_SUB: return aval_const_of(a - b);
		default: return v;
		}
	}
	switch (e->bin.op) {
	case B_ADD:
	case B_SUB:
		/* p + n on a non-NULL pointer (pte++ walking a table) stays non-NULL */
		if (strchr(e->type, '*') && fact_test(&l.f, CMP_NE, 0) == 1) {
			v.f.has_ne = true;
			v.f.ne = 0;
		}
		break;
	case B_OR:
		v.f.set = l.f.set | r.f.set;
		v.f.clear = l.f.clear & r.f.clear;
		break;
	case B_AND:
		v.f.set = l.f.set & r.f.set;
		v.f.clear = l.f.clear | r.f.clear;
		break;
	case B_EQ: case B_NE: case B_LT: case B_GT: case B_LE: case B_GE: {
		static const enum cmp cmp_of[] = {
			[B_EQ] = CMP_EQ, [B_NE] = CMP_NE, [B_LT] = CMP_LT,
			[B_GT] = CMP_GT, [B_LE] = CMP_LE, [B_GE] = CMP_GE,
		};
		int t = -1;

		if (rc)
			t = fact_test(&l.f, cmp_of[e->bin.op], b);
		else if (!lc)
			t = compare_syms(eng, st, e->bin.op, l.sym, r.sym);
		if (t >= 0)
			return aval_const_of(t);
		v.f.lo = 0;
		v.f.hi = 1;
		break;
	}
	default:
		break;
	}
	return v;
}

static struct aval eval(struct engine *eng, const struct state *st, const struct ir_expr *e)
{
	struct aval v = aval_unknown();

	switch (e->kind) {
	case X_CONST:
		return aval_const_of(e->c.value);
	case X_PATH:
		if (e->path.addr) {
			sym_t loc = path_loc(eng, st, e);

			if (loc == NO_SYM)
				return v;
			v.sym = sym_named(eng, "&%s", eng->names[loc]);
			v.f.has_ne = true;	/* an address is never NULL */
			v.f.ne = 0;
		} else {
			v.sym = value_of(eng, st, path_loc(eng, st, e));
			v.f = state_get_fact(st, v.sym);
		}
		return v;
	case X_BINOP:
		return eval_binop(eng, st, e);
	case X_NOT: {
		struct aval in = eval(eng, st, e->not);
		int t = fact_test(&in.f, CMP_NE, 0);

		if (t >= 0)
			return aval_const_of(!t);
		v.f.lo = 0;
		v.f.hi = 1;
		return v;
	}
	case X_UNKNOWN:
		break;
	}
	return v;
}

static bool derived_from(const char *name, const char *base);
static sym_t vma_mm(struct engine *eng, const struct state *st, sym_t vma);

/* "struct vm_area_struct *" for the tag "struct vm_area_struct". */
static bool is_ptr_to(const char *type, const char *tag)
{
	size_t n = tag ? strlen(tag) : 0;

	return n && !strncmp(type, tag, n) && !strcmp(type + n, " *");
}

bool engine_is_vma(const struct engine *eng, const struct ir_expr *e)
{
	return is_ptr_to(e->type, eng->model->vma_type);
}

struct reported {
	struct reported *next;
	sym_t vma;
	struct ir_loc at;
};

bool engine_first_report(struct engine *eng, const struct state *st, int check_index,
			 const struct ir_expr *vma, const struct lock *lk)
{
	struct reported **head = (struct reported **)engine_check_data(eng, check_index);
	sym_t s = eval(eng, st, vma).sym;

	for (struct reported *r = *head; r; r = r->next)
		if (r->vma == s && r->at.line == lk->at.line && r->at.file == lk->at.file)
			return false;
	struct reported *r = arena_alloc(eng->arena, sizeof(*r));

	r->vma = s;
	r->at = lk->at;
	r->next = *head;
	*head = r;
	return true;
}

bool engine_is_range_field(const struct engine *eng, const char *field)
{
	return field && (field == eng->model->range_field || field == intern("vm_end"));
}

const char *engine_expr_text(struct engine *eng, const struct ir_expr *e)
{
	struct strbuf sb = {0};
	const char *r;

	sb_add(&sb, "");
	ir_expr_print(&sb, e);
	r = arena_strdup(eng->arena, sb.s);
	sb_free(&sb);
	return r;
}

int engine_param_null(struct engine *eng, const struct state *st, int i)
{
	sym_t v = value_of(eng, st, sym_lookup(eng, eng->fn->params[i]->key, true));
	struct fact f = state_get_fact(st, v);

	return fact_test(&f, CMP_EQ, 0);
}

void engine_param_bits(struct engine *eng, const struct state *st, int i, uint64_t *set,
		       uint64_t *clear)
{
	sym_t v = value_of(eng, st, sym_lookup(eng, eng->fn->params[i]->key, true));
	struct fact f = state_get_fact(st, v);

	*set = f.set;
	*clear = f.clear;
	if (f.lo == f.hi) {	/* a known constant knows all its bits */
		*set = f.lo;
		*clear = ~(uint64_t)f.lo;
	}
}

int engine_fault_vma_locked(struct engine *eng, const struct state *st, bool *mmap_held)
{
	const struct model *m = eng->model;

	*mmap_held = false;
	for (int i = 0; m->fault_ctx_type && i < eng->fn->nparams; i++) {
		const struct ir_var *p = eng->fn->params[i];
		sym_t flags, vma, mm;
		const struct lock *lk;
		struct fact f;

		if (p->type != intern(m->fault_ctx_type) || !m->fault.resolved)
			continue;
		flags = value_of(eng, st, sym_named(eng, "%s->%s", p->key, m->fault_ctx_flags));
		vma = value_of(eng, st, sym_named(eng, "%s->%s", p->key, m->fault_ctx_vma));
		mm = vma_mm(eng, st, vma);
		lk = state_find_lock(st, LC_MMAP, mm);
		*mmap_held = lk && lk->status == LS_HELD;
		f = state_get_fact(st, flags);
		return fact_test(&f, CMP_ANYBIT, m->fault.flag);
	}
	return -2;
}

const char *engine_callback_field(const struct engine *eng, const struct ir_event *ev)
{
	const struct ir_expr *e = ev->callee_expr;
	int last;

	if (ev->callee) {	/* a direct call of a function the TU installs as a callback */
		for (int s = 0; s < eng->cfg->nslots; s++)
			for (int i = 0; i < eng->model->ncallbacks; i++)
				if (eng->cfg->slots[s].fn == ev->callee &&
				    eng->cfg->slots[s].type == eng->model->callbacks[i].type &&
				    eng->cfg->slots[s].field == eng->model->callbacks[i].field)
					return eng->model->callbacks[i].field;
		return NULL;
	}
	if (!e || e->kind != X_PATH || !e->path.nsteps)
		return NULL;
	last = e->path.nsteps - 1;
	if (e->path.steps[last].kind == STEP_DEREF && last > 0)	/* (*ops->migrate_to_ram)(vmf) */
		last--;
	for (int i = 0; i < eng->model->ncallbacks; i++)
		if (e->path.steps[last].field == eng->model->callbacks[i].field)
			return eng->model->callbacks[i].field;
	return NULL;
}

/* The mm of a VMA value: what vma->vm_mm holds in this state. */
static sym_t vma_mm(struct engine *eng, const struct state *st, sym_t vma)
{
	sym_t loc;

	if (!eng->model->fault.mm_field)
		return NO_SYM;
	loc = sym_named(eng, "%s->%s", eng->names[vma], eng->model->fault.mm_field);
	return value_of(eng, st, loc);
}

/*
 * A VMA whose own read lock this function holds or dropped (from a helper
 * like uffd_mfill_lock()) lives under that lock, unless mmap_lock is held
 * too, which keeps every VMA of the mm.
 */
static const struct lock *own_vma_lock(const struct state *st, sym_t vma, struct keeper *keeper)
{
	const struct lock *lk = state_find_lock(st, LC_VMA, vma);

	if (!lk || !lk->here || lk->status == LS_NOT_TAKEN)
		return NULL;
	for (int i = 0; i < st->nlocks; i++)
		if (st->locks[i].cls == LC_MMAP && st->locks[i].status == LS_HELD)
			return NULL;
	*keeper = (struct keeper){ .cls = LC_VMA, .inst = vma, .epoch = lk->epoch, .at = lk->at,
		.how = "its own VMA read lock" };
	return lk;
}

const struct lock *engine_kept_lock(struct engine *eng, const struct state *st,
				    const struct ir_expr *e, struct keeper *keeper)
{
	struct aval v;
	const struct lock *lk, *best = NULL;

	if (e->kind != X_PATH || e->path.addr)
		return NULL;
	v = eval(eng, st, e);
	if (v.sym == NO_SYM)
		return NULL;
	*keeper = v.f.keeper;
	if (keeper->cls == LC_NR && !engine_is_vma(eng, e))
		return NULL;
	if (keeper->cls == LC_NR && (lk = own_vma_lock(st, v.sym, keeper)))
		return lk;
	if (keeper->cls == LC_NR) {	/* a VMA without provenance: its own mm's mmap_lock */
		/*
		 * Only for a VMA the function was handed (a parameter or a field
		 * of one): it was valid on entry, under the lock as it was then.
		 * A value from an unknown call may be a fresh lookup: silence.
		 */
		if (strchr(eng->names[v.sym], '@'))
			return NULL;
		*keeper = (struct keeper){ .cls = LC_MMAP, .inst = vma_mm(eng, st, v.sym),
			.at = eng->fn->loc, .how = arena_printf(eng->arena, "%s, valid on entry to %s()",
				engine_expr_text(eng, e), eng->fn->name) };
		lk = state_find_lock(st, LC_MMAP, keeper->inst);
		/*
		 * Only a lock the caller held (this function's first action was
		 * to drop or assert it) is the one that kept the VMA valid on
		 * entry; exec's get_arg_page() takes the new mm's lock itself.
		 */
		if (lk)
			return lk->here && lk->held_at_entry ? lk : NULL;
		/*
		 * A VMA handed in (madvise helpers) is alive under the caller's
		 * mmap_lock; when this function works on exactly one mm's
		 * mmap_lock (mmap_read_unlock(current->mm)), that is the one.
		 */
		for (int i = 0; i < st->nlocks; i++) {
			if (st->locks[i].cls != LC_MMAP)
				continue;
			if (best || !st->locks[i].here || !st->locks[i].held_at_entry)
				return NULL;
			best = &st->locks[i];
		}
		if (best)
			keeper->inst = best->inst;
		return best;
	}
	if (keeper->cls != LC_FAULT)
		return state_find_lock(st, keeper->cls, keeper->inst);
	/* the fault's lock: whichever record this path has for it */
	const struct lock *cand[3] = {
		state_find_lock(st, LC_FAULT, keeper->inst),
		state_find_lock(st, LC_VMA, keeper->inst),
		state_find_lock(st, LC_MMAP, vma_mm(eng, st, keeper->inst)),
	};
	for (int i = 0; i < 3; i++)
		if (cand[i] && cand[i]->here && (!best || cand[i]->status != LS_HELD))
			best = cand[i];
	return best;
}

/*
 * Can code holding 'base' reach the value 's'? It is base itself, a field
 * below it (vma->vm_mm), or stored in one (pvmw->ptl = pmd_lock(...)).
 */
static bool reachable_from(struct engine *eng, const struct state *st, sym_t s, sym_t base)
{
	const char *bn = eng->names[base];
	const char *p = bn[0] == '&' ? bn + 1 : bn;	/* &x reaches what x holds */
	char *b = arena_strdup(eng->arena, p);

	if (s == base || derived_from(eng->names[s], b) || !strcmp(eng->names[s], b))
		return true;
	for (int i = 0; i < st->nenv; i++)
		if (st->env[i].val == s && (derived_from(eng->names[st->env[i].loc], b) ||
					    !strcmp(eng->names[st->env[i].loc], b)))
			return true;
	return false;
}

/*
 * A lock handed to the caller: the value returned, a value this function
 * stored below a parameter or global (pvmw->ptl = pmd_lock(...)), or a
 * page-table lock pointer that lives there already (vmf->ptl).
 */
bool engine_lock_visible(struct engine *eng, const struct state *st, const struct lock *lk,
			 const struct aval *ret)
{
	if (ret && ret->sym == lk->inst)
		return true;
	for (int v = 0; v < eng->fn->nvars; v++) {
		const struct ir_var *var = eng->fn->vars[v];
		const char *base = eng->names[eng->var_loc[v]];

		if (var->kind != VAR_PARAM && var->kind != VAR_GLOBAL)
			continue;
		for (int i = 0; i < st->nenv; i++)
			if (st->env[i].val == lk->inst && derived_from(eng->names[st->env[i].loc], base))
				return true;
		if (lk->cls == LC_PTL && derived_from(eng->names[lk->inst], base))
			return true;
	}
	return false;
}

/* --- definitions --- */

static bool derived_from(const char *name, const char *base)
{
	const char *p = name;
	size_t n;

	if (*p == '&' || *p == '*')
		p++;
	if (*p != *base)	/* most names differ at once: no strlen, no call */
		return false;
	n = strlen(base);
	return !strncmp(p, base, n) && (p[n] == '-' || p[n] == '.' || p[n] == '[');
}

/*
 * (Re)defines the symbol 'name': a loop may run the same event again, so
 * whatever the old value implied (facts, bindings below it, locks on it)
 * is forgotten first.
 */
/* Is 'name' a part of 'base' (base->f, *base) or named after it (pmd_lock(base))? */
static bool depends_on(const char *name, const char *base)
{
	const char *p;
	size_t n;

	if (derived_from(name, base))
		return true;
	p = strchr(name, '(');
	if (!p)
		return false;
	for (n = strlen(base); p; p = strchr(p + 1, '('))
		if (!strncmp(p + 1, base, n) && (p[n + 1] == ')' || p[n + 1] == '-' || p[n + 1] == '.'))
			return true;
	return false;
}

static void forget_sym(struct engine *eng, struct state *st, sym_t s)
{
	const char *name = eng->names[s];
	int j = 0;

	state_forget_fact(st, s);
	for (int i = 0; i < st->nenv; i++) {
		if (derived_from(eng->names[st->env[i].loc], name))
			continue;
		/* a variable naming pmd_lock(old pmd) must not name the new one's lock */
		if (depends_on(eng->names[st->env[i].val], name))
			st->env[i].val = sym_derive(eng, st->env[i].loc, D_STALE, 0);
		st->env[j++] = st->env[i];
	}
	st->nenv = j;
	for (int i = 0; i < st->nlocks; i++)
		if (st->locks[i].inst == s || depends_on(eng->names[st->locks[i].inst], name))
			state_drop_lock(st, st->locks[i].cls, st->locks[i].inst), i--;
}

/* "slot@12->mm" as a part of 'to' instead of 'name': "slot@12@old->mm". */
static sym_t part_of(struct engine *eng, sym_t x, const char *name, sym_t to)
{
	const char *n = eng->names[x];
	int prefix = *n == '&' || *n == '*';

	return sym_lookup(eng, arena_printf(eng->arena, "%.*s%s%s", prefix, n, eng->names[to],
					    n + prefix + strlen(name)), true);
}

/*
 * The parts of the value being redefined (mm = slot->mm, the lock taken on
 * it, what is known of it) go with the old value: ksm's scan walks a list of
 * mms with goto, and each mm's lock is its own, not the next one's.
 * Locations inside the old object are not renamed: forget_sym() drops them.
 */
static void rename_parts(struct engine *eng, struct state *st, const char *name, sym_t to)
{
	struct fact *moved = NULL;
	int nmoved = 0, j = 0;

	for (int i = 0; i < st->nenv; i++)
		if (st->env[i].val != NO_SYM && derived_from(eng->names[st->env[i].val], name) &&
		    !derived_from(eng->names[st->env[i].loc], name))
			st->env[i].val = part_of(eng, st->env[i].val, name, to);
	for (int k = 0; k < st->nlocks; k++)
		if (derived_from(eng->names[st->locks[k].inst], name))
			st->locks[k].inst = part_of(eng, st->locks[k].inst, name, to);
	state_sort_locks(st);
	/* facts are sorted by symbol: take the renamed ones out, put them back */
	for (int i = 0; i < st->nfacts; i++) {
		struct fact *f = &st->facts[i];

		if (f->keeper.inst != NO_SYM && derived_from(eng->names[f->keeper.inst], name))
			f->keeper.inst = part_of(eng, f->keeper.inst, name, to);
		if (!derived_from(eng->names[f->sym], name)) {
			st->facts[j++] = *f;
			continue;
		}
		if (!moved)
			moved = arena_alloc(&eng->scratch, st->nfacts * sizeof(*moved));
		moved[nmoved] = *f;
		moved[nmoved++].sym = part_of(eng, f->sym, name, to);
	}
	st->nfacts = j;
	for (int i = 0; i < nmoved; i++)
		state_put_fact(&eng->scratch, st, &moved[i]);
}

/*
 * (Re)defines the symbol 'name'. A loop runs the same event again, so the
 * name may already stand for the previous iteration's value. Variables
 * still holding that value keep it under one new name, "name@old", with
 * the facts and locks that went with it (list_for_each_entry_safe() and
 * folio = ...; src_folio = folio walk that way); a value two iterations
 * old becomes "var@stale", known to be nothing in particular.
 */
static sym_t define(struct engine *eng, struct state *st, const char *name)
{
	sym_t s = sym_lookup(eng, name, true);
	sym_t old = sym_derive(eng, s, D_OLD, 0);
	bool held = false;

	for (int i = 0; i < st->nenv; i++)
		if (st->env[i].val == old) {
			sym_t stale = sym_derive(eng, st->env[i].loc, D_STALE, 0);

			forget_sym(eng, st, stale);
			for (int j = 0; j < st->nenv; j++)
				if (st->env[j].val == old)
					st->env[j].val = stale;
		}
	forget_sym(eng, st, old);
	for (int i = 0; i < st->nenv; i++)
		if (st->env[i].val == s && !derived_from(eng->names[st->env[i].loc], name)) {
			st->env[i].val = old;
			held = true;
		}
	rename_parts(eng, st, name, old);
	if (held) {
		const struct fact *f = state_find_fact(st, s);

		if (f) {
			struct fact nf = *f;

			nf.sym = old;
			state_put_fact(&eng->scratch, st, &nf);
		}
		for (int k = 0; k < st->nlocks; k++)
			if (st->locks[k].inst == s)
				st->locks[k].inst = old;
		state_sort_locks(st);
	}
	forget_sym(eng, st, s);
	return s;
}

static void bind_fresh(struct engine *eng, struct state *st, sym_t loc, const char *name,
		       const struct fact *f)
{
	sym_t s = define(eng, st, name);

	if (f) {
		struct fact nf = *f;

		nf.sym = s;
		state_put_fact(&eng->scratch, st, &nf);
	}
	state_env_set(&eng->scratch, st, loc, s);
}

static enum cmp cmp_of_binop(enum ir_binop op);

/*
 * bool locked = vmf->flags & FAULT_FLAG_VMA_LOCK: the new value is the
 * truth of a test on another value, so testing it later tests that too.
 */
static void record_predicate(struct engine *eng, const struct state *st, const struct ir_expr *src,
			     struct fact *f)
{
	bool neg = false;
	struct aval x, c;
	int64_t k;

	if (src->kind == X_NOT) {
		neg = true;
		src = src->not;
	}
	if (src->kind != X_BINOP || (src->bin.op != B_AND && (src->bin.op < B_EQ || src->bin.op > B_GE)))
		return;
	x = eval(eng, st, src->bin.l);
	c = eval(eng, st, src->bin.r);
	if (x.sym == NO_SYM || !aval_const(&c, &k))
		return;
	f->pred_sym = x.sym;
	f->pred_op = src->bin.op == B_AND ? CMP_ANYBIT : cmp_of_binop(src->bin.op);
	if (neg)
		f->pred_op = cmp_negate(f->pred_op);
	f->pred_c = k;
}

static int name_depth(const char *n)
{
	int d = 0;

	for (; *n; n++)
		d += *n == '>' || *n == '.' || *n == '[';
	return d;
}

static void do_assign(struct engine *eng, struct state *st, const struct ir_event *ev)
{
	sym_t loc = path_loc(eng, st, ev->dst);
	struct aval v = eval(eng, st, ev->src);
	sym_t old;

	if (loc == NO_SYM)
		return;
	old = value_of(eng, st, loc);
	/* a held lock stored where the caller can see it is handed over */
	if (v.sym != NO_SYM && strpbrk(eng->names[loc], ">*"))
		for (int k = 0; k < st->nlocks; k++)
			if (st->locks[k].inst == v.sym && st->locks[k].status == LS_HELD)
				st->locks[k].escaped = true;
	/* p = p->next: a fresh value, or names would grow without end */
	if (v.sym != NO_SYM && !derived_from(eng->names[v.sym], eng->names[old]) &&
	    name_depth(eng->names[v.sym]) < 6) {
		state_env_set(&eng->scratch, st, loc, v.sym);
		return;
	}
	record_predicate(eng, st, ev->src, &v.f);
	bind_fresh(eng, st, loc, arena_printf(eng->arena, "%s@%d", eng->names[loc], ev->id), &v.f);
}

/* --- branches --- */

static bool refine_sym(struct engine *eng, struct state *st, sym_t s, enum cmp op, int64_t c)
{
	struct fact f = state_get_fact(st, s);

	if (!fact_refine(&f, op, c))
		return false;
	state_put_fact(&eng->scratch, st, &f);
	return true;
}

static enum cmp cmp_of_binop(enum ir_binop op)
{
	switch (op) {
	case B_EQ: return CMP_EQ;
	case B_NE: return CMP_NE;
	case B_LT: return CMP_LT;
	case B_GT: return CMP_GT;
	case B_LE: return CMP_LE;
	default: return CMP_GE;
	}
}

static enum cmp cmp_mirror(enum cmp op)
{
	switch (op) {
	case CMP_LT: return CMP_GT;
	case CMP_GT: return CMP_LT;
	case CMP_LE: return CMP_GE;
	case CMP_GE: return CMP_LE;
	default: return op;
	}
}

static void forget_lock(struct engine *eng, struct state *st, enum lock_class cls, sym_t inst);

static void forget_locks_of(struct engine *eng, struct state *st, sym_t a, sym_t b)
{
	for (int k = 0; k < st->nlocks; k++)
		if (st->locks[k].inst == a || st->locks[k].inst == b)
			forget_lock(eng, st, st->locks[k].cls, st->locks[k].inst), k--;
}

/*
 * vma->vm_start compared with something (directly or through a copy of it):
 * a find_vma() result has been checked.
 */
static void note_range_check(struct engine *eng, struct state *st, const struct ir_expr *e)
{
	char suffix[128], *name;
	struct aval v;
	struct fact f;
	size_t n, len;

	if (e->kind != X_PATH || e->path.addr || !eng->model->range_field)
		return;
	/* the value compared is named "<vma>->vm_start" wherever it was copied */
	v = eval(eng, st, e);
	if (v.sym == NO_SYM)
		return;
	snprintf(suffix, sizeof(suffix), "->%s", eng->model->range_field);
	name = arena_strdup(eng->arena, eng->names[v.sym]);
	n = strlen(name);
	len = strlen(suffix);
	if (n <= len || strcmp(name + n - len, suffix))
		return;
	name[n - len] = '\0';
	v.sym = sym_lookup(eng, name, false);
	if (v.sym == NO_SYM)
		return;
	v.f = state_get_fact(st, v.sym);
	if (!v.f.keeper.unchecked)
		return;
	f = v.f;
	f.sym = v.sym;
	f.keeper.unchecked = false;
	state_put_fact(&eng->scratch, st, &f);
}

/* Restricts st to the paths where e is (not) true; false if there are none. */
static bool assume(struct engine *eng, struct state *st, const struct ir_expr *e, bool truth)
{
	struct aval v;
	int64_t c;

	switch (e->kind) {
	case X_NOT:
		return assume(eng, st, e->not, !truth);
	case X_BINOP:
		if (e->bin.op == B_AND) {
			struct aval m = eval(eng, st, e->bin.r);
			struct aval x = eval(eng, st, e->bin.l);
			const struct ir_expr *l = e->bin.l;

			/* (y | K) & M: decided by K, or a question about y */
			if (l->kind == X_BINOP && l->bin.op == B_OR && aval_const(&m, &c)) {
				struct aval k = eval(eng, st, l->bin.r);
				int64_t kc;

				if (aval_const(&k, &kc)) {
					if (kc & c)
						return truth;
					return assume(eng, st, ir_binop(eng->fn, B_AND, l->bin.l,
									e->bin.r, ""), truth);
				}
			}
			if (aval_const(&m, &c) && x.sym != NO_SYM)
				return refine_sym(eng, st, x.sym, truth ? CMP_ANYBIT : CMP_NOBIT, c);
			break;
		}
		if (e->bin.op >= B_EQ && e->bin.op <= B_GE) {
			enum cmp op = cmp_of_binop(e->bin.op);

			note_range_check(eng, st, e->bin.l);
			note_range_check(eng, st, e->bin.r);
			const struct ir_expr *l = e->bin.l, *r = e->bin.r;
			struct aval lv = eval(eng, st, l), rv = eval(eng, st, r);

			if (!truth)
				op = cmp_negate(op);
			if (!aval_const(&rv, &c) && !aval_const(&lv, &c)) {
				int t = compare_syms(eng, st, e->bin.op, lv.sym, rv.sym);

				if (t >= 0)
					return t == truth;
				if ((op == CMP_EQ || op == CMP_NE) && lv.sym != NO_SYM && rv.sym != NO_SYM) {
					/*
					 * Two names for one lock (ptl == pml in
					 * collapse_pte_mapped_thp()): records kept
					 * apart would disagree, so forget both.
					 */
					if (op == CMP_EQ)
						forget_locks_of(eng, st, lv.sym, rv.sym);
					return refine_sym(eng, st, equality_sym(eng, lv.sym, rv.sym),
							  op == CMP_EQ ? CMP_NE : CMP_EQ, 0);
				}
				break;
			}
			if (!aval_const(&rv, &c) && aval_const(&lv, &c)) {
				const struct ir_expr *t = l;

				l = r;
				r = t;
				lv = rv;
				op = cmp_mirror(op);
			} else if (!aval_const(&rv, &c)) {
				break;
			}
			/* (x & M) == 0 tests bits of x */
			if (l->kind == X_BINOP && l->bin.op == B_AND && c == 0 &&
			    (op == CMP_EQ || op == CMP_NE))
				return assume(eng, st, l, op == CMP_NE);
			if (lv.sym != NO_SYM)
				return refine_sym(eng, st, lv.sym, op, c);
			{
				int t = fact_test(&lv.f, op, c);

				return t != 0;
			}
		}
		break;
	case X_PATH:
		v = eval(eng, st, e);
		if (v.sym != NO_SYM && !e->path.addr) {
			if (!refine_sym(eng, st, v.sym, truth ? CMP_NE : CMP_EQ, 0))
				return false;
			if (v.f.pred_sym != NO_SYM)	/* and what it stands for */
				return refine_sym(eng, st, v.f.pred_sym,
						  truth ? (enum cmp)v.f.pred_op : cmp_negate(v.f.pred_op),
						  v.f.pred_c);
			return true;
		}
		break;
	default:
		break;
	}
	v = eval(eng, st, e);
	{
		int t = fact_test(&v.f, CMP_NE, 0);

		return t < 0 || t == truth;
	}
}

/* --- model application --- */

struct call_ctx {
	const struct ir_event *ev;
	const struct model_api *api;
	const struct ir_expr **bound;	/* per parameter: the argument (or its binder part) */
	sym_t ret;
};

/* Builds the IR expression a model reference names at this call. */
static const struct ir_expr *ref_expr(struct engine *eng, const struct call_ctx *cc,
				      const struct model_ref *ref)
{
	const struct ir_expr *e = ref->param == REF_RET ? cc->ev->dst : cc->bound[ref->param];

	for (int i = 0; e && i < ref->nsteps; i++) {
		switch (ref->steps[i].kind) {
		case '*': e = ir_deref(eng->fn, e, ""); break;
		case '>': e = ir_path_extend(eng->fn, e, STEP_ARROW, ref->steps[i].field, ""); break;
		default: e = ir_path_extend(eng->fn, e, STEP_DOT, ref->steps[i].field, ""); break;
		}
	}
	return e;
}

static struct aval ref_value_plain(struct engine *eng, const struct state *st,
				   const struct call_ctx *cc, const struct model_ref *ref);

/* REF~f: from the value "&X->f", the object X (the mm of a VMA iterator's tree). */
static struct aval ref_value(struct engine *eng, const struct state *st, const struct call_ctx *cc,
			     const struct model_ref *ref)
{
	struct aval v = ref_value_plain(eng, st, cc, ref);
	const char *n;
	size_t len, flen;

	if (!ref->owner || v.sym == NO_SYM)
		return v;
	n = eng->names[v.sym];
	len = strlen(n);
	flen = strlen(ref->owner);
	v.sym = NO_SYM;
	if (n[0] == '&' && len > flen + 3 && !strcmp(n + len - flen, ref->owner) &&
	    !strncmp(n + len - flen - 2, "->", 2)) {
		char *x = arena_strdup(eng->arena, n + 1);

		x[len - flen - 3] = '\0';
		v.sym = sym_lookup(eng, x, true);
		v.f = state_get_fact(st, v.sym);
	}
	return v;
}

static struct aval ref_value_plain(struct engine *eng, const struct state *st,
				   const struct call_ctx *cc, const struct model_ref *ref)
{
	const struct ir_expr *e = ref_expr(eng, cc, ref);

	if (ref->param == REF_RET && !ref->nsteps) {
		struct aval v = aval_unknown();

		v.sym = cc->ret;
		if (cc->ret != NO_SYM)
			v.f = state_get_fact(st, cc->ret);
		return v;
	}
	return e ? eval(eng, st, e) : aval_unknown();
}

static enum cmp cmp_of_cond(enum cond_op op)
{
	switch (op) {
	case C_EQ: return CMP_EQ;
	case C_NE: return CMP_NE;
	case C_LT: return CMP_LT;
	case C_GT: return CMP_GT;
	case C_LE: return CMP_LE;
	case C_GE: return CMP_GE;
	case C_NOBITS: return CMP_NOBIT;
	default: return CMP_ANYBIT;
	}
}

static enum ir_binop binop_of_cond(enum cond_op op)
{
	switch (op) {
	case C_EQ: return B_EQ;
	case C_NE: return B_NE;
	case C_LT: return B_LT;
	case C_GT: return B_GT;
	case C_LE: return B_LE;
	case C_GE: return B_GE;
	default: return B_AND;
	}
}

/*
 * Makes cond (or its negation) true in st; false if impossible. It goes
 * through assume(), so a condition on "flags | FAULT_FLAG_VMA_LOCK" lands
 * on flags, like the same test written in the code would.
 */
static bool refine_cond(struct engine *eng, struct state *st, const struct call_ctx *cc,
			const struct model_cond *cond, bool truth)
{
	const struct ir_expr *e;
	struct aval v;
	enum cmp op;

	if (cond->op == C_TRUE)
		return truth;
	e = ref_expr(eng, cc, &cond->ref);
	if (e && !(cond->ref.param == REF_RET && !cond->ref.nsteps)) {
		struct ir_expr *c = ir_const(eng->fn, cond->value, "");

		if (cond->op == C_NOBITS)
			truth = !truth;
		return assume(eng, st, ir_binop(eng->fn, binop_of_cond(cond->op),
						(struct ir_expr *)e, c, ""), truth);
	}
	v = ref_value(eng, st, cc, &cond->ref);
	op = cmp_of_cond(cond->op);
	if (!truth)
		op = cmp_negate(op);
	if (v.sym == NO_SYM)
		return fact_test(&v.f, op, cond->value) != 0;
	return refine_sym(eng, st, v.sym, op, cond->value);
}

static int test_cond(struct engine *eng, const struct state *st, const struct call_ctx *cc,
		     const struct model_cond *cond)
{
	struct aval v;

	if (cond->op == C_TRUE)
		return 1;
	v = ref_value(eng, st, cc, &cond->ref);
	return fact_test(&v.f, cmp_of_cond(cond->op), cond->value);
}

static const char *case_text(struct engine *eng, const struct call_ctx *cc, const struct model_case *mc)
{
	const struct model_cond *c = &mc->cond;
	const char *name = cc->api->name;

	if (mc->otherwise)	/* in the model, what is left over is failure */
		return arena_printf(eng->arena, "%s() failed", name);
	if (c->op == C_TRUE || c->ref.param != REF_RET)
		return arena_printf(eng->arena, "%s()", name);
	if (c->op == C_BITS)
		return arena_printf(eng->arena, "%s() returned %s", name, c->const_name ? c->const_name : "flags");
	if (c->op == C_NE && c->value == 0)
		return arena_printf(eng->arena, "%s() succeeded", name);
	if (c->op == C_EQ && c->value == 0)
		return arena_printf(eng->arena, "%s() returned 0", name);
	return arena_printf(eng->arena, "%s() returned %s%lld", name,
			    c->op == C_LT ? "< " : c->op == C_NE ? "!= " : "",
			    (long long)c->value);
}

static bool is_ptl_value(struct engine *eng, const struct state *st, const struct ir_expr *e)
{
	struct aval v;

	if (!e)
		return false;
	v = eval(eng, st, e);
	if (v.f.ptl)
		return true;
	/* vmf->ptl, &mm->page_table_lock: named in the model's ptl-path lines */
	if (e->kind == X_PATH && e->path.nsteps) {
		const struct ir_step *last = &e->path.steps[e->path.nsteps - 1];

		for (int i = 0; i < eng->model->nptl_paths; i++)
			if (last->field == eng->model->ptl_paths[i].field &&
			    e->path.addr == eng->model->ptl_paths[i].addr)
				return true;
	}
	return false;
}

/*
 * Which lock a fault-lock effect names: 1 the VMA lock, 0 mmap_lock, -1
 * unknown. The flags decide when known, else what the state holds.
 */
static int fault_choice(struct engine *eng, const struct state *st, const struct call_ctx *cc,
			const struct model_effect *ef, sym_t *vma, sym_t *mm)
{
	struct aval flags = ref_value(eng, st, cc, &ef->flags);
	const struct ir_expr *vexp = ref_expr(eng, cc, &ef->inst);
	int t;

	*vma = ref_value(eng, st, cc, &ef->inst).sym;
	*mm = NO_SYM;
	if (!eng->model->fault.resolved || *vma == NO_SYM)
		return -1;
	if (vexp && vexp->kind == X_PATH && !vexp->path.addr) {
		const struct ir_expr *m = ir_path_extend(eng->fn, vexp, STEP_ARROW,
							 eng->model->fault.mm_field, "");
		*mm = value_of(eng, st, path_loc(eng, st, m));
	}
	t = fact_test(&flags.f, CMP_ANYBIT, eng->model->fault.flag);
	if (t < 0) {
		const struct lock *v = state_find_lock(st, LC_VMA, *vma);
		const struct lock *m = *mm != NO_SYM ? state_find_lock(st, LC_MMAP, *mm) : NULL;
		bool vh = v && v->status == LS_HELD, mh = m && m->status == LS_HELD;

		if (vh != mh)
			t = vh;
	}
	return t;
}

/*
 * The lock a fault-lock effect names. When neither the flags nor the state
 * tell, it is "the fault lock of vma" itself: whichever the caller holds,
 * so release_fault_lock() twice is still caught.
 */
static bool resolve_fault(struct engine *eng, const struct state *st, const struct call_ctx *cc,
			  const struct model_effect *ef, enum lock_class *cls, sym_t *inst)
{
	sym_t vma, mm;
	int t = fault_choice(eng, st, cc, ef, &vma, &mm);

	*cls = t < 0 ? LC_FAULT : t ? LC_VMA : LC_MMAP;
	*inst = t ? vma : mm;
	return *inst != NO_SYM;
}

/* exit_mmap(): nobody else can change the mm's VMAs while its lock is dropped. */
static bool owns_mm(const struct engine *eng)
{
	for (int i = 0; i < eng->model->nexclusive_mm; i++)
		if (eng->model->exclusive_mm[i] == eng->fn->name)
			return true;
	return false;
}

static void set_lock(struct engine *eng, struct state *st, enum lock_class cls, sym_t inst,
		     enum lock_status status, enum lock_mode mode, bool here,
		     const struct ir_event *ev, const char *how, const char *text)
{
	const struct lock *prev = state_find_lock(st, cls, inst);
	struct lock lk = {
		.cls = cls, .inst = inst, .status = status, .mode = mode, .here = here,
		.at = ev->loc, .how = how, .text = text, .ev = ev,
	};

	/* the first thing this function does to a lock says if it was held on entry */
	if (prev && prev->here)
		lk.held_at_entry = prev->held_at_entry;
	else	/* dropping it, or asserting it, says it was held; trying says not */
		lk.held_at_entry = status == LS_RELEASED || (status == LS_HELD && !here) ||
				   (prev && prev->status == LS_HELD);
	if (prev) {
		lk.escaped = prev->escaped && status == LS_HELD;
		lk.epoch = prev->epoch;
		lk.dropped_at = prev->dropped_at;
		/* taken again after a release: VMAs looked up before are stale */
		if (status == LS_HELD && here && prev->status != LS_HELD &&
		    !(cls == LC_MMAP && owns_mm(eng))) {
			lk.epoch++;
			lk.dropped_at = prev->at;
		}
	}
	state_set_lock(&eng->scratch, st, &lk);
}

/* For summaries: the run lost track of this lock on some path. */
static void note_uncertain(struct engine *eng, enum lock_class cls, sym_t inst)
{
	struct engine_uncertain *u = eng->cfg->uncertain;

	if (!u || inst == NO_SYM)
		return;
	for (int i = 0; i < u->locks.n; i++)
		if (u->locks.v[i].cls == cls && u->locks.v[i].name == intern(eng->names[inst]))
			return;
	vec_push(&u->locks, ((struct lock_key){ cls, intern(eng->names[inst]) }));
}

/* A lock whose state is no longer known: dropped, and noted for summaries. */
static void forget_lock(struct engine *eng, struct state *st, enum lock_class cls, sym_t inst)
{
	state_drop_lock(st, cls, inst);
	note_uncertain(eng, cls, inst);
}

static void forget_class(struct engine *eng, struct state *st, enum lock_class cls, sym_t except)
{
	for (int k = 0; k < st->nlocks; k++)
		if (st->locks[k].cls == cls && st->locks[k].inst != except)
			forget_lock(eng, st, cls, st->locks[k].inst), k--;
}

/* Which parameter's entry value a symbol is, or lies below; -1 if none. */
static int param_root(struct engine *eng, sym_t s)
{
	const char *n = eng->names[s];

	if (*n == '*' || *n == '&')
		n++;
	for (int i = 0; i < eng->fn->nparams; i++) {
		const char *k = eng->fn->params[i]->key;
		size_t len = strlen(k);

		if (!strncmp(n, k, len) && (!n[len] || n[len] == '-' || n[len] == '.' || n[len] == '['))
			return i;
	}
	return -1;
}

/* How to name an instance in messages: as written at the call. */
static const char *ref_text(struct engine *eng, const struct call_ctx *cc, const struct ir_expr *e,
			    sym_t inst)
{
	struct strbuf sb = {0};
	const char *r;

	if (!e || (e->kind == X_PATH && e->path.root->kind == VAR_TEMP) || e->kind != X_PATH) {
		const char *n = sym_display(eng, inst);

		return strcmp(n, "the value") ? n : arena_printf(eng->arena, "from %s()", cc->api->name);
	}
	sb_add(&sb, "");
	ir_expr_print(&sb, e);
	r = arena_strdup(eng->arena, sb.s);
	sb_free(&sb);
	return r;
}

static void mark_ptl(struct engine *eng, struct state *st, sym_t s)
{
	struct fact f = state_get_fact(st, s);

	f.ptl = true;
	state_put_fact(&eng->scratch, st, &f);
}

/* alive REF under CLASS REF: the VMA's provenance, with the lock's epoch now. */
static void keep_alive(struct engine *eng, struct state *st, const struct call_ctx *cc,
		       const struct model_effect *ef, const char *how)
{
	sym_t v = ref_value(eng, st, cc, &ef->inst).sym;
	sym_t k = ref_value(eng, st, cc, &ef->arg).sym;
	const struct lock *lk;
	struct fact f;

	if (v == NO_SYM || k == NO_SYM)
		return;
	lk = state_find_lock(st, ef->cls, k);
	f = state_get_fact(st, v);
	f.keeper = (struct keeper){ .cls = ef->cls, .inst = k, .epoch = lk ? lk->epoch : 0,
				    .at = cc->ev->loc, .how = how, .unchecked = ef->unchecked };
	state_put_fact(&eng->scratch, st, &f);
}

/* The lock a call hands out is a function of its arguments: pmd_lock(mm, pmd) twice is one lock. */
static void name_value(struct engine *eng, struct state *st, struct call_ctx *cc,
		       const struct model_effect *ef)
{
	struct aval arg = ref_value(eng, st, cc, &ef->arg);
	const struct ir_expr *where = ref_expr(eng, cc, &ef->inst);
	sym_t loc, named;

	if (arg.sym == NO_SYM || !where || where->kind != X_PATH)
		return;
	loc = path_loc(eng, st, where);
	if (loc == NO_SYM)
		return;
	named = ef->tag ? sym_named(eng, "%s(%s)", ef->tag, eng->names[arg.sym]) : arg.sym;
	state_env_set(&eng->scratch, st, loc, named);
	if (ef->inst.param == REF_RET && !ef->inst.nsteps) {
		struct fact f = state_get_fact(st, cc->ret);

		f.sym = named;
		state_put_fact(&eng->scratch, st, &f);
		cc->ret = named;
	}
}

static void apply_effect(struct engine *eng, struct state *st, struct call_ctx *cc,
			 const struct model_effect *ef, const char *how)
{
	struct hook_args ha = { .eng = eng, .st = st, .ev = cc->ev, .api = cc->api, .effect = ef };
	enum lock_class cls = ef->cls;
	sym_t inst;
	const struct lock *prev;
	const char *text;
	int unless = ef->unless.op == C_TRUE ? 0 : test_cond(eng, st, cc, &ef->unless);

	if (ef->kind == EF_NAME) {
		name_value(eng, st, cc, ef);
		return;
	}
	if (ef->kind == EF_ALIVE) {
		keep_alive(eng, st, cc, ef, how);
		return;
	}
	if (ef->kind == EF_UNMAP) {
		sym_t v = ref_value(eng, st, cc, &ef->inst).sym;
		struct fact f;

		if (v == NO_SYM)
			return;
		f = state_get_fact(st, v);
		f.keeper.unmapped = true;
		state_put_fact(&eng->scratch, st, &f);
		return;
	}
	if (cls == LC_FAULT) {
		if (!resolve_fault(eng, st, cc, ef, &cls, &inst))
			return;
	} else if (ef->tag) {
		sym_t arg = ref_value(eng, st, cc, &ef->arg).sym;

		inst = arg == NO_SYM ? NO_SYM : sym_named(eng, "%s(%s)", ef->tag, eng->names[arg]);
	} else {
		inst = ref_value(eng, st, cc, &ef->inst).sym;
	}
	if (unless == 1)
		return;
	/*
	 * An open 'unless' (FAULT_FLAG_RETRY_NOWAIT in flags we cannot see) is
	 * taken as false, the common case, and recorded so that code testing
	 * the flag afterwards follows that answer instead of contradicting it.
	 */
	if (unless < 0 && refine_cond(eng, st, cc, &ef->unless, false))
		unless = 0;
	if (inst == NO_SYM || unless < 0) {
		if (ef->kind == EF_RELEASE || ef->kind == EF_RELOCK || ef->kind == EF_ACQUIRE)
			forget_class(eng, st, cls, NO_SYM);
		return;
	}
	prev = state_find_lock(st, cls, inst);
	text = ref_text(eng, cc, cls == ef->cls && !ef->tag ? ref_expr(eng, cc, &ef->inst) : NULL, inst);
	ha.cls = cls;
	ha.inst = inst;
	ha.inst_text = text;
	ha.lock = prev;
	switch (ef->kind) {
	case EF_ACQUIRE:
	case EF_TRY:
		run_hooks(HOOK_ACQUIRE, &ha);
		/* past a self-deadlock nothing is real: report no more on this path */
		if (ef->kind == EF_ACQUIRE && prev && prev->status == LS_HELD)
			st->approx = st->locks_approx = true;
		set_lock(eng, st, cls, inst, LS_HELD, ef->mode, true, cc->ev, how, text);
		refine_sym(eng, st, inst, CMP_NE, 0);	/* a locked object is not NULL */
		if (cls == LC_PTL)
			mark_ptl(eng, st, inst);
		break;
	case EF_RELEASE:
		run_hooks(HOOK_RELEASE, &ha);
		if (!prev)	/* it may alias one this function holds */
			forget_class(eng, st, cls, inst);
		set_lock(eng, st, cls, inst, LS_RELEASED, LM_NONE, true, cc->ev, how, text);
		break;
	case EF_DOWNGRADE:
		set_lock(eng, st, cls, inst, LS_HELD, LM_READ, prev ? prev->here : false, cc->ev, how, text);
		break;
	case EF_ASSERT:
		if (!prev)
			set_lock(eng, st, cls, inst, LS_HELD, ef->mode, false, cc->ev, how, text);
		break;
	case EF_RELOCK: {	/* dropped and taken again inside the call */
		struct lock lk;

		set_lock(eng, st, cls, inst, LS_HELD, prev ? prev->mode : LM_READ,
			 prev ? prev->here : false, cc->ev, how, text);
		lk = *state_find_lock(st, cls, inst);
		lk.epoch++;
		lk.dropped_at = cc->ev->loc;
		state_set_lock(&eng->scratch, st, &lk);
		break;
	}
	case EF_MARK_PTL:
		mark_ptl(eng, st, inst);
		break;
	case EF_FAIL:
		set_lock(eng, st, cls, inst, LS_NOT_TAKEN, LM_NONE, true, cc->ev, how, text);
		break;
	case EF_FORGET:
		forget_lock(eng, st, cls, inst);
		break;
	case EF_NAME:
	case EF_ALIVE:
	case EF_UNMAP:
		break;
	}
}

/* Does arg match the parameter pattern? Sets *bound to the binder part. */
static bool match_param(struct engine *eng, const struct model_param *mp, const struct ir_expr *arg,
			const struct ir_expr **bound)
{
	struct ir_expr *b;

	*bound = arg;
	if (!mp->addr && !mp->nsteps)
		return true;
	if (arg->kind != X_PATH || arg->path.addr != mp->addr || arg->path.nsteps < mp->nsteps)
		return false;
	for (int i = 0; i < mp->nsteps; i++) {
		const struct ir_step *s = &arg->path.steps[arg->path.nsteps - mp->nsteps + i];

		if (s->kind != STEP_ARROW || s->field != mp->fields[i])
			return false;
	}
	b = arena_memdup(eng->arena, arg, sizeof(*arg));
	b->path.nsteps -= mp->nsteps;
	b->path.addr = false;
	*bound = b;
	return true;
}

static bool api_usable(const struct model_api *api)
{
	for (int w = 0; w < api->nwhere; w++)
		if (api->where_cond[w].unresolved)
			return false;
	for (int c = 0; c < api->ncases; c++) {
		if (api->cases[c].cond.unresolved)
			return false;
		for (int g = 0; g < api->cases[c].nguards; g++)
			if (api->cases[c].guard[g].unresolved)
				return false;
		for (int e = 0; e < api->cases[c].neffects; e++)
			if (api->cases[c].effects[e].unless.unresolved)
				return false;
	}
	return true;
}

/* The model entry for this call, with its parameters bound; NULL if none applies. */
static const struct model_api *find_api(struct engine *eng, const struct state *st,
					const struct ir_event *ev, const struct ir_expr **bound)
{
	const struct model *m = eng->model;

	if (!ev->callee)
		return NULL;
	for (int from = -1;;) {
		const struct model_api *api = model_find(m, ev->callee, ev->callee_ret, -1, from);
		bool ok;

		if (!api)
			return NULL;
		from = api - m->apis - 1;
		ok = api->nparams == ev->nargs && api_usable(api);
		for (int i = 0; ok && i < api->nparams; i++)
			ok = match_param(eng, &api->params[i], ev->args[i], &bound[i]);
		if (ok && api->where == W_IS_PTL)
			ok = is_ptl_value(eng, st, ev->args[api->where_param]);
		for (int w = 0; ok && w < api->nwhere; w++) {
			struct call_ctx pre = { ev, api, bound, NO_SYM };

			ok = test_cond(eng, st, &pre, &api->where_cond[w]) != 0;
		}
		if (ok)
			return api;
		if (from < 0)
			return NULL;
	}
}

/*
 * args.src = &src; migrate_vma_setup(&args): the callee writes src through
 * the struct it was handed, whatever else the model or a summary says it
 * does, so locals whose address sits in a struct passed by address are new
 * values after the call.
 */
static void clobber_stored_addresses(struct engine *eng, struct state *st, const struct ir_event *ev)
{
	sym_t targets[16];
	int n = 0;

	for (int i = 0; i < ev->nargs; i++) {
		const struct ir_expr *a = ev->args[i];
		const char *base;
		size_t len;
		sym_t loc;

		if (a->kind != X_PATH || !a->path.addr || (loc = path_loc(eng, st, a)) == NO_SYM)
			continue;
		base = eng->names[loc];
		len = strlen(base);
		for (int j = 0; j < st->nenv && n < (int)ARRAY_SIZE(targets); j++) {
			const char *l = eng->names[st->env[j].loc], *v = eng->names[st->env[j].val];
			sym_t y;

			if (strncmp(l, base, len) || (l[len] != '.' && strncmp(l + len, "->", 2)) ||
			    v[0] != '&' || (y = sym_lookup(eng, v + 1, false)) == NO_SYM)
				continue;
			targets[n++] = y;
		}
	}
	for (int i = 0; i < n; i++)
		bind_fresh(eng, st, targets[i], arena_printf(eng->arena, "%s@%d", eng->names[targets[i]], ev->id), NULL);
}

/* Fresh values for what the callee may write: &x arguments and the result. */
static void clobber_outputs(struct engine *eng, struct state *st, const struct ir_event *ev,
			    struct call_ctx *cc)
{
	clobber_stored_addresses(eng, st, ev);
	/* the model and summaries say what a known callee writes; others may write any &x */
	for (int i = 0; i < ev->nargs && !cc->api; i++) {
		const struct ir_expr *a = ev->args[i];

		if (a->kind == X_PATH && a->path.addr) {
			sym_t loc = path_loc(eng, st, a);

			if (loc != NO_SYM)
				bind_fresh(eng, st, loc, arena_printf(eng->arena, "%s@%d", eng->names[loc], ev->id), NULL);
		}
	}
	cc->ret = NO_SYM;
	if (ev->dst && cc->api && cc->api->same_value) {
		sym_t loc = path_loc(eng, st, ev->dst);

		/* current->mm twice is one mm: no fresh value, no forgetting */
		if (loc != NO_SYM)
			state_env_set(&eng->scratch, st, loc, sym_named(eng, "%s()", ev->callee));
		cc->ret = value_of(eng, st, loc);
	} else if (ev->dst) {
		sym_t loc = path_loc(eng, st, ev->dst);

		if (loc != NO_SYM)
			bind_fresh(eng, st, loc, arena_printf(eng->arena, "%s()@%d",
						      ev->callee ? ev->callee : "(*fn)", ev->id), NULL);
		cc->ret = value_of(eng, st, loc);
	}
}

/*
 * A function of this file that the model does not know may take or drop
 * any lock reachable from its arguments (do_page_mkwrite() returns with
 * the folio locked; hpage_collapse_scan_pmd() may drop mmap_lock). Until
 * summaries say what it does, what we knew of those locks is forgotten.
 * Functions of other files are taken to leave locks alone.
 */
static void opaque_arg(struct engine *eng, struct state *st, const struct ir_expr *arg)
{
	struct aval v = eval(eng, st, arg);
	int p;

	if (v.sym == NO_SYM)
		return;
	for (int k = 0; k < st->nlocks; k++)
		if (reachable_from(eng, st, st->locks[k].inst, v.sym))
			forget_lock(eng, st, st->locks[k].cls, st->locks[k].inst), k--;
	p = param_root(eng, v.sym);
	if (eng->cfg->uncertain && p >= 0 && p < 32)
		eng->cfg->uncertain->opaque_params |= 1u << p;
}

static void unknown_callee(struct engine *eng, struct state *st, const struct ir_event *ev)
{
	for (int i = 0; i < ev->nargs; i++)
		opaque_arg(eng, st, ev->args[i]);
}

/* For summaries: which parameters' pointers this function reads through. */
const struct ir_expr *engine_base_pointer(const struct ir_expr *e)
{
	while (e->kind == X_BINOP && (e->bin.op == B_ADD || e->bin.op == B_SUB) &&
	       e->type && strchr(e->type, '*') && e->bin.l->type && strchr(e->bin.l->type, '*'))
		e = e->bin.l;
	return e;
}

static void note_param_use(struct engine *eng, const struct state *st, const struct ir_expr *e)
{
	struct aval v;
	int p;

	e = engine_base_pointer(e);
	if (!eng->cfg->uncertain || e->kind != X_PATH || e->path.addr)
		return;
	v = eval(eng, st, e);
	p = v.sym == NO_SYM ? -1 : param_root(eng, v.sym);
	/* only the entry value itself (the pointer handed in) */
	if (p >= 0 && p < 32 && !strcmp(eng->names[v.sym], eng->fn->params[p]->key))
		eng->cfg->uncertain->used_params |= 1u << p;
}

static void note_param_use(struct engine *eng, const struct state *st, const struct ir_expr *e);

/* After a summary: opaque arguments, and held locks it was handed are the callee's business. */
static void summary_aftermath(struct engine *eng, struct state *st, const struct call_ctx *cc)
{
	for (int i = 0; i < cc->ev->nargs; i++) {
		struct aval v;

		if (i < 32 && (cc->api->opaque_params & (1u << i))) {
			opaque_arg(eng, st, cc->ev->args[i]);
			continue;
		}
		v = eval(eng, st, cc->ev->args[i]);
		for (int k = 0; v.sym != NO_SYM && k < st->nlocks; k++)
			if (st->locks[k].inst == v.sym && st->locks[k].status == LS_HELD)
				st->locks[k].escaped = true;
	}
}

static void clobber_ref(struct engine *eng, struct state *st, const struct call_ctx *cc,
			const struct model_ref *ref);

/* *locked, *ptlp, *vmap in an entry: the callee writes them, so they are new values. */
static void clobber_model_outputs(struct engine *eng, struct state *st, const struct call_ctx *cc)
{
	for (int k = 0; k < cc->api->ncases; k++) {
		const struct model_case *mc = &cc->api->cases[k];

		if (mc->cond.op != C_TRUE)
			clobber_ref(eng, st, cc, &mc->cond.ref);
		/* what the call names, keeps alive or locks through *p, it wrote there */
		for (int e = 0; e < mc->neffects; e++)
			if (mc->effects[e].kind == EF_NAME || mc->effects[e].kind == EF_ALIVE ||
			    mc->effects[e].kind == EF_ACQUIRE || mc->effects[e].kind == EF_TRY ||
			    mc->effects[e].kind == EF_FAIL)
				clobber_ref(eng, st, cc, &mc->effects[e].inst);
	}
}

/* A *param the callee writes gets a new value, once per call. */
static void clobber_ref(struct engine *eng, struct state *st, const struct call_ctx *cc,
			const struct model_ref *ref)
{
	const struct ir_expr *e;
	const char *name;
	sym_t loc;

	if (ref->param == REF_RET || !ref->nsteps || ref->steps[0].kind != '*')
		return;
	e = ref_expr(eng, cc, ref);
	if (!e || e->kind != X_PATH || e->path.addr || (loc = path_loc(eng, st, e)) == NO_SYM)
		return;
	name = arena_printf(eng->arena, "%s@%d", eng->names[loc], cc->ev->id);
	if (state_env_get(st, loc) == NO_SYM || strcmp(eng->names[state_env_get(st, loc)], name))
		bind_fresh(eng, st, loc, name, NULL);
}

/* What a summarised callee stored below its arguments is a new value now. */
static void clobber_writes(struct engine *eng, struct state *st, const struct call_ctx *cc)
{
	for (int w = 0; w < cc->api->nwrites; w++) {
		const struct ir_expr *e = ref_expr(eng, cc, &cc->api->writes[w]);
		sym_t loc;

		if (!e || e->kind != X_PATH || e->path.addr || (loc = path_loc(eng, st, e)) == NO_SYM)
			continue;
		bind_fresh(eng, st, loc, arena_printf(eng->arena, "%s@%d", eng->names[loc], cc->ev->id), NULL);
	}
}

#define MAX_FUNCTION_MEMORY (512u << 20)	/* bytes of states one function may use */
#define PRESSED_STATES_PER_BLOCK 8	/* past a quarter of it (states_per_block()) */

/*
 * The budget of one function: paths, time and memory. Checked between
 * blocks and at every call, since a block of calls with several outcomes
 * each forks inside the block (dvo_ns2501.c: 2^N paths of register writes).
 */
static bool over_budget(struct engine *eng)
{
	if (eng->gave_up)
		return true;
	if (eng->steps > eng->cfg->max_steps)
		eng->gave_up = "too many paths";
	else if (eng->arena->used + eng->scratch.used > MAX_FUNCTION_MEMORY)
		eng->gave_up = "too many paths (memory)";
	else if ((eng->steps & 1023) == 0 && (clock() - eng->start) / CLOCKS_PER_SEC > 10)
		eng->gave_up = "took too long";
	return eng->gave_up != NULL;
}

typedef void (*state_sink)(struct engine *eng, struct state *st, void *ctx);

/*
 * Outcomes of one call that leave the same state (ret unused:
 * ns2501_writeb() returning true or false) go on as one path; otherwise a
 * block of N such calls forks into 2^N paths before any join.
 */
static bool seen_outcome(struct state **sunk, int *n, struct engine *eng, struct state *s)
{
	s->hash = state_hash(s);
	for (int i = 0; i < *n; i++)
		if (sunk[i]->hash == s->hash && state_equal(sunk[i], s))
			return true;
	if (*n < 8) {
		sunk[*n] = state_copy(&eng->scratch, s);
		sunk[(*n)++]->hash = s->hash;
	}
	return false;
}


static void do_call(struct engine *eng, struct state *st, const struct ir_event *ev,
		    state_sink sink, void *sink_ctx)
{
	const struct ir_expr *bound[16] = {0};
	struct call_ctx cc = { ev, NULL, bound, NO_SYM };
	struct hook_args ha = { .eng = eng, .st = st, .ev = ev };
	bool any = false, has_otherwise = false, released_first, from_summary = false;

	eng->steps++;	/* forks inside a block count against the budget too */
	if (over_budget(eng))
		return;	/* the path ends here; the function is given up on */
	if (ev->nargs <= 16)
		cc.api = find_api(eng, st, ev, bound);
	if (!cc.api && ev->callee && eng->cfg->summary && ev->nargs <= 16) {
		/* the model wins; a summary of the body is next best */
		cc.api = eng->cfg->summary(eng->cfg->summary_ctx, ev);
		if (cc.api && cc.api->nparams == ev->nargs)
			for (int i = 0; i < ev->nargs; i++)
				bound[i] = ev->args[i];
		else
			cc.api = NULL;
		from_summary = cc.api != NULL;
	}
	ha.api = cc.api;
	ha.summary = from_summary;
	/*
	 * What a call always releases, it releases before it sleeps
	 * (migration_entry_wait_on_locked() drops the PTL, then waits).
	 */
	/* (model entries only: a summarised helper may read its arguments first) */
	released_first = cc.api && !from_summary && cc.api->ncases == 1 &&
			 cc.api->cases[0].cond.op == C_TRUE &&
			 !cc.api->cases[0].otherwise && !cc.api->cases[0].nguards;
	for (int e = 0; released_first && e < cc.api->cases[0].neffects; e++)
		if (cc.api->cases[0].effects[e].kind == EF_ACQUIRE)	/* take, then drop */
			released_first = false;
	if (released_first)
		for (int e = 0; e < cc.api->cases[0].neffects; e++)
			if (cc.api->cases[0].effects[e].kind == EF_RELEASE)
				apply_effect(eng, st, &cc, &cc.api->cases[0].effects[e],
					     case_text(eng, &cc, &cc.api->cases[0]));
	run_hooks(HOOK_CALL, &ha);
	/* arguments handed to code that may read them count as reads (summaries) */
	for (int i = 0; i < ev->nargs && (!cc.api || from_summary); i++)
		if (!from_summary || (i < 32 && (cc.api->used_params & (1u << i))))
			note_param_use(eng, st, ev->args[i]);
	if (!cc.api && ev->callee_local)
		unknown_callee(eng, st, ev);
	clobber_outputs(eng, st, ev, &cc);
	if (cc.api)
		clobber_model_outputs(eng, st, &cc);

	if (!cc.api || !cc.api->ncases) {
		sink(eng, st, sink_ctx);
		return;
	}
	sym_t ret0 = cc.ret;
	struct state *sunk[8];
	int nsunk = 0;

	for (int k = 0; k < cc.api->ncases; k++) {
		const struct model_case *mc = &cc.api->cases[k];
		struct state *s = state_copy(&eng->scratch, st);
		bool ok = true;

		cc.ret = ret0;
		has_otherwise |= mc->otherwise;
		for (int j = 0; ok && j < k; j++)
			if (!cc.api->cases[j].otherwise && cc.api->cases[j].cond.op != C_TRUE)
				ok = refine_cond(eng, s, &cc, &cc.api->cases[j].cond, false);
		if (ok && !mc->otherwise)
			ok = refine_cond(eng, s, &cc, &mc->cond, true);
		for (int g = 0; ok && g < mc->nguards; g++)
			ok = refine_cond(eng, s, &cc, &mc->guard[g], true);
		if (!ok)
			continue;
		for (int e = 0; e < mc->neffects; e++)
			if (!released_first || mc->effects[e].kind != EF_RELEASE)
				apply_effect(eng, s, &cc, &mc->effects[e], case_text(eng, &cc, mc));
		if (from_summary) {
			summary_aftermath(eng, s, &cc);
			clobber_writes(eng, s, &cc);
		}
		any = true;
		if (seen_outcome(sunk, &nsunk, eng, s))
			continue;
		sink(eng, s, sink_ctx);
		if (mc->cond.op == C_TRUE && !mc->otherwise && !mc->nguards)
			return;	/* unconditional: no other outcome */
	}
	if (!has_otherwise && !cc.api->exhaustive) {
		struct state *s = state_copy(&eng->scratch, st);
		bool ok = true;

		cc.ret = ret0;
		for (int j = 0; ok && j < cc.api->ncases; j++)
			ok = refine_cond(eng, s, &cc, &cc.api->cases[j].cond, false);
		if (ok) {
			sink(eng, s, sink_ctx);
			any = true;
		}
	}
	if (!any)		/* the model contradicts what is known: keep going unchanged */
		sink(eng, st, sink_ctx);
}

/* --- the worklist --- */

static void state_dump(struct engine *eng, const struct state *st, unsigned line);

static void push(struct engine *eng, int block, struct state *st)
{
	if (eng->tail == eng->capwork) {
		int cap = eng->capwork ? eng->capwork * 2 : 256;
		struct pending *w = xmalloc(cap * sizeof(*w));

		memcpy(w, eng->work, eng->tail * sizeof(*w));
		free(eng->work);
		eng->work = w;
		eng->capwork = cap;
	}
	eng->work[eng->tail].block = block;
	eng->work[eng->tail++].st = st;
}

static sym_t join_fresh(void *ctx, sym_t loc)
{
	struct engine *eng = ctx;

	return sym_derive(eng, loc, D_JOIN, 0);
}

/*
 * Marks, per symbol, what a state can still reach: entry values of live
 * variables (of parameters always: summaries split on them), bound values
 * and locations, lock instances. One pass, then lookups are O(1).
 */
static void mark_live(struct engine *eng, const struct state *st, const uint64_t *live)
{
	if (eng->capmark < eng->nsyms) {
		eng->capmark = eng->nsyms * 2;
		eng->mark = xrealloc(eng->mark, eng->capmark);
	}
	memset(eng->mark, 0, eng->nsyms);
	for (int v = 0; v < eng->fn->nvars; v++)
		if ((live[v / 64] & (1ULL << (v % 64))) || eng->fn->vars[v]->kind == VAR_PARAM)
			eng->mark[eng->var_loc[v]] = 1;
	for (int i = 0; i < st->nenv; i++)
		eng->mark[st->env[i].val] = eng->mark[st->env[i].loc] = 1;
	for (int i = 0; i < st->nlocks; i++)
		eng->mark[st->locks[i].inst] = 1;
}

/* A fact is worth keeping if its value, or the object it is a field of, is reachable. */
static bool fact_reachable(struct engine *eng, sym_t s)
{
	const char *n = eng->names[s];
	char buf[512];

	if (eng->mark[s] || n[0] == '(')
		return true;
	for (const char *p = n + 1; *p && p - n < (int)sizeof(buf); p++) {
		if (!(p[0] == '-' && p[1] == '>') && *p != '.' && *p != '[')
			continue;
		memcpy(buf, n, p - n);
		buf[p - n] = '\0';
		sym_t base = sym_lookup(eng, buf[0] == '*' ? buf + 1 : buf, false);

		if (base != NO_SYM && base < eng->nsyms && eng->mark[base])
			return true;
	}
	return false;
}

/* Forgets what only dead variables could tell (see ir_liveness()). */
static void prune_dead(struct engine *eng, int block, struct state *st)
{
	const uint64_t *live = eng->live + block * eng->live_words;
	int j = 0;

	/* bindings of dead variables go (a variable's location is its key's symbol) */
	for (int i = 0; i < st->nenv; i++) {
		int v = st->env[i].loc < eng->nvar_of_sym ? eng->var_of_sym[st->env[i].loc] : -1;

		if (v < 0 || (live[v / 64] & (1ULL << (v % 64))))
			st->env[j++] = st->env[i];
	}
	st->nenv = j;
	mark_live(eng, st, live);
	j = 0;
	for (int i = 0; i < st->nfacts; i++)
		if (fact_reachable(eng, st->facts[i].sym))
			st->facts[j++] = st->facts[i];
	st->nfacts = j;
}

/*
 * Where a state past the bound joins: a widened state of the same shape
 * (a loop counter differs), a new one while there is room, one holding
 * the same locks (values are lost, locks are not), or the last one.
 */
static int widened_slot(const struct engine *eng, const struct block_states *bs,
			const struct state *st)
{
	int max = eng->cfg->max_widened;

	if (max < 1 || max > MAX_WIDENED)
		max = max < 1 ? 1 : MAX_WIDENED;
	for (int k = 0; k < bs->nwidened; k++)
		if (state_same_shape(bs->widened[k], st))
			return k;
	if (bs->nwidened < max)
		return bs->nwidened;
	for (int k = 0; k < bs->nwidened; k++)
		if (state_same_locks(bs->widened[k], st))
			return k;
	return max - 1;
}

/* Locks a join lost: summaries must say the caller cannot know them. */
static void note_joined_away(struct engine *eng, const struct state *from, const struct state *w)
{
	for (int i = 0; i < from->nlocks; i++)
		if (!state_find_lock(w, from->locks[i].cls, from->locks[i].inst))
			note_uncertain(eng, from->locks[i].cls, from->locks[i].inst);
}

/*
 * How many exact states a block keeps before it widens. A function whose
 * states fill a quarter of its memory budget (ib_set_device_ops(): 150
 * "if (ops->x) dev_ops->x = ops->x;" in a row) goes on with few: its
 * blocks widen sooner, widened states report nothing, and the function is
 * analysed instead of given up on.
 */
static int states_per_block(const struct engine *eng)
{
	int max = eng->cfg->max_states_per_block;

	if (eng->arena->used > MAX_FUNCTION_MEMORY / 4 && max > PRESSED_STATES_PER_BLOCK)
		return PRESSED_STATES_PER_BLOCK;
	return max;
}

/*
 * A state the block keeps, copied out of the step's scratch into the
 * function's arena, and queued: the path runs on a scratch copy of it, so
 * the record never changes.
 */
static struct state *keep(struct engine *eng, int block, const struct state *st)
{
	struct state *rec = state_copy(eng->arena, st);

	rec->hash = st->hash;
	push(eng, block, rec);
	return rec;
}

static void propagate(struct engine *eng, int block, struct state *st)
{
	struct block_states *bs = &eng->blocks[block];
	struct state *w;
	int k;

	prune_dead(eng, block, st);
	if (eng->debug && getenv("MMLOCK_DEBUG_BLOCK") && atoi(getenv("MMLOCK_DEBUG_BLOCK")) == block)
		state_dump(eng, st, 1000 + block);
	st->hash = state_hash(st);
	for (int i = 0; i < bs->n; i++)
		if (bs->v[i]->hash == st->hash && state_equal(bs->v[i], st))
			return;
	if (bs->n < states_per_block(eng)) {
		if (bs->n == bs->cap) {
			bs->cap = bs->cap ? bs->cap * 2 : 4;
			struct state **v = arena_alloc(eng->arena, bs->cap * sizeof(*v));

			memcpy(v, bs->v, bs->n * sizeof(*v));
			bs->v = v;
		}
		bs->v[bs->n++] = keep(eng, block, st);
		return;
	}
	k = widened_slot(eng, bs, st);
	if (k == bs->nwidened) {
		st->approx = true;
		st->hash = state_hash(st);
		bs->widened[bs->nwidened++] = keep(eng, block, st);
		return;
	}
	w = state_join(&eng->scratch, bs->widened[k], st, join_fresh, eng);
	note_joined_away(eng, bs->widened[k], w);
	note_joined_away(eng, st, w);
	w->hash = state_hash(w);
	if (w->hash == bs->widened[k]->hash && state_equal(w, bs->widened[k]))
		return;
	bs->widened[k] = keep(eng, block, w);
}

static void run_events(struct engine *eng, const struct ir_block *bb, int from, struct state *st);


struct continue_ctx {
	const struct ir_block *bb;
	int next;
};

static void continue_after_call(struct engine *eng, struct state *st, void *ctx)
{
	struct continue_ctx *cc = ctx;

	run_events(eng, cc->bb, cc->next, st);
}

/* --debug-states: what each path knows when it returns. */
static void state_dump(struct engine *eng, const struct state *st, unsigned line)
{
	fprintf(stderr, "return at line %u:\n", line);
	for (int i = 0; i < st->nlocks; i++)
		fprintf(stderr, "  lock %s %s status=%d here=%d at %u (%s)\n",
			lock_class_name(st->locks[i].cls), engine_sym_name(eng, st->locks[i].inst),
			st->locks[i].status, st->locks[i].here, st->locks[i].at.line, st->locks[i].how);
	for (int i = 0; i < st->nenv; i++)
		fprintf(stderr, "  %s = %s\n", engine_sym_name(eng, st->env[i].loc),
			engine_sym_name(eng, st->env[i].val));
	for (int i = 0; i < st->nfacts; i++)
		fprintf(stderr, "  fact %s: [%lld,%lld] set=%llx clear=%llx ne=%d:%lld ptl=%d\n",
			engine_sym_name(eng, st->facts[i].sym), (long long)st->facts[i].lo,
			(long long)st->facts[i].hi, (unsigned long long)st->facts[i].set,
			(unsigned long long)st->facts[i].clear, st->facts[i].has_ne,
			(long long)st->facts[i].ne, st->facts[i].ptl);
}

static void finish_block(struct engine *eng, const struct ir_block *bb, struct state *st)
{
	switch (bb->term) {
	case T_GOTO:
	case T_MULTI:
		for (int i = 0; i < bb->nsucc; i++)
			propagate(eng, bb->succ[i], i + 1 < bb->nsucc ? state_copy(&eng->scratch, st) : st);
		break;
	case T_BRANCH: {
		struct hook_args ha = { .eng = eng, .st = st, .bb = bb, .expr = bb->cond };
		struct state *f;

		run_hooks(HOOK_BRANCH, &ha);
		f = state_copy(&eng->scratch, st);
		if (assume(eng, st, bb->cond, true))
			propagate(eng, bb->succ[0], st);
		if (assume(eng, f, bb->cond, false))
			propagate(eng, bb->succ[1], f);
		break;
	}
	case T_RETURN: {
		struct aval rv;
		struct hook_args ha = { .eng = eng, .st = st, .bb = bb };

		if (eng->debug)
			state_dump(eng, st, bb->term_loc.line);
		if (bb->ret) {
			rv = eval(eng, st, bb->ret);
			ha.ret = &rv;
		}
		run_hooks(HOOK_RETURN, &ha);
		if (eng->cfg->on_exit)
			eng->cfg->on_exit(eng->cfg->exit_ctx, eng, st, ha.ret);
		break;
	}
	case T_NONE:
	case T_UNREACHABLE:
		break;
	}
}

static void run_events(struct engine *eng, const struct ir_block *bb, int from, struct state *st)
{
	for (int i = from; i < bb->nev; i++) {
		const struct ir_event *ev = &bb->ev[i];

		switch (ev->op) {
		case OP_ASSIGN:
			do_assign(eng, st, ev);
			break;
		case OP_DEREF: {
			struct hook_args ha = { .eng = eng, .st = st, .ev = ev, .expr = ev->src };

			run_hooks(HOOK_DEREF, &ha);
			note_param_use(eng, st, ev->src);
			break;
		}
		case OP_CALL: {
			struct continue_ctx cc = { bb, i + 1 };

			do_call(eng, st, ev, continue_after_call, &cc);
			return;
		}
		}
	}
	finish_block(eng, bb, st);
}

/*
 * (mm, vma) parameters: the VMA is one of mm's (khugepaged's helpers,
 * madvise's), so vma->vm_mm's lock is mm's lock. Only with a single mm
 * parameter: copy_page_range()-style pairs of mms stay unrelated.
 */
static void bind_param_vmas_to_mm(struct engine *eng, struct state *st)
{
	const struct model *m = eng->model;
	const struct ir_function *fn = eng->fn;
	sym_t mm = NO_SYM;

	for (int i = 0; i < fn->nparams; i++) {
		if (!is_ptr_to(fn->params[i]->type, m->mm_type))
			continue;
		if (mm != NO_SYM)
			return;
		mm = sym_lookup(eng, fn->params[i]->key, true);
	}
	for (int i = 0; mm != NO_SYM && m->fault.mm_field && i < fn->nparams; i++) {
		struct binding b;

		if (!is_ptr_to(fn->params[i]->type, m->vma_type) ||
		    eng->nentry_env == (int)ARRAY_SIZE(eng->entry_env))
			continue;
		b.loc = sym_named(eng, "%s->%s", fn->params[i]->key, m->fault.mm_field);
		b.val = mm;
		eng->entry_env[eng->nentry_env++] = b;
		state_env_set(&eng->scratch, st, b.loc, b.val);
	}
}

bool engine_is_entry_binding(const struct engine *eng, sym_t loc, sym_t val)
{
	for (int i = 0; i < eng->nentry_env; i++)
		if (eng->entry_env[i].loc == loc && eng->entry_env[i].val == val)
			return true;
	return false;
}

/* Is this function installed in a callback slot the model names? */
static const char *callback_slot_of(const struct engine *eng)
{
	const struct model *m = eng->model;

	for (int i = 0; i < eng->cfg->nslots; i++)
		if (eng->cfg->slots[i].fn == eng->fn->name &&
		    model_is_callback_slot(m, eng->cfg->slots[i].type, eng->cfg->slots[i].field))
			return eng->cfg->slots[i].field;
	return NULL;
}

/*
 * A ->migrate_to_ram callback runs with mmap_lock of vmf->vma->vm_mm held
 * by its caller (do_swap_page() bails out under the VMA lock alone): the
 * fault's flags lack FAULT_FLAG_VMA_LOCK, and taking mmap_lock again is a
 * recursive read lock that deadlocks behind a queued writer.
 */
static void callback_entry(struct engine *eng, struct state *st, const struct ir_var *vmf,
			   const char *slot)
{
	const struct model *m = eng->model;
	sym_t mm = sym_named(eng, "%s->%s->%s", vmf->key, m->fault_ctx_vma, m->fault.mm_field);
	struct lock lk = {
		.cls = LC_MMAP, .inst = mm, .status = LS_HELD, .mode = LM_READ,
		.at = eng->fn->loc, .held_at_entry = true,
		.how = arena_printf(eng->arena, "the caller of ->%s", slot),
		.text = arena_printf(eng->arena, "%s->%s->%s", vmf->name, m->fault_ctx_vma,
				     m->fault.mm_field),
	};
	struct fact f;

	state_set_lock(&eng->scratch, st, &lk);
	if (!m->fault.resolved)
		return;
	f = state_get_fact(st, sym_named(eng, "%s->%s", vmf->key, m->fault_ctx_flags));
	f.clear |= m->fault.flag;
	state_put_fact(&eng->scratch, st, &f);
}

/* A parameter of this function by name, or NULL. */
static const struct ir_var *param_named(const struct engine *eng, const char *name, size_t len)
{
	for (int i = 0; i < eng->fn->nparams; i++)
		if (strlen(eng->fn->params[i]->name) == len && !strncmp(eng->fn->params[i]->name, name, len))
			return eng->fn->params[i];
	return NULL;
}

/*
 * __releases(vmf->ptl) / __must_hold(ptl): a page-table lock the caller
 * holds (do_wp_page() is entered with the PTL of the faulting PTE). Only
 * PTLs: a parameter of type spinlock_t *, or a path ending in one of the
 * model's ptl-path fields. Other locks of the annotations are not ours.
 */
static void caller_held_ptl(struct engine *eng, struct state *st, const char *text)
{
	const char *p = text + (*text == '&'), *last = NULL;
	size_t root = strcspn(p, "-.");
	const struct ir_var *v = param_named(eng, p, root);
	bool ptl = false;
	sym_t loc;

	if (!v)
		return;
	loc = sym_lookup(eng, v->key, true);
	for (p += root; !strncmp(p, "->", 2); p += strcspn(p, "-.")) {
		char field[128];
		size_t n = strcspn(p + 2, "-.");

		if (n >= sizeof(field))
			return;
		memcpy(field, p + 2, n);
		field[n] = '\0';
		last = intern(field);
		loc = sym_named(eng, "%s->%s", eng->names[value_of(eng, st, loc)], last);
		p += 2;
	}
	if (*p)
		return;
	if (!last)
		ptl = *text != '&' && !strcmp(v->type, "spinlock_t *");
	for (int i = 0; last && i < eng->model->nptl_paths; i++)
		ptl |= eng->model->ptl_paths[i].field == last && eng->model->ptl_paths[i].addr == (*text == '&');
	if (!ptl)
		return;
	sym_t inst = *text == '&' ? sym_named(eng, "&%s", eng->names[loc]) : value_of(eng, st, loc);
	struct lock lk = {
		.cls = LC_PTL, .inst = inst, .status = LS_HELD, .at = eng->fn->loc, .held_at_entry = true,
		.how = arena_printf(eng->arena, "the caller (sparse annotation on %s)", text),
		.text = text,
	};

	state_set_lock(&eng->scratch, st, &lk);
	mark_ptl(eng, st, inst);
}

/*
 * On entry, vmf->vma of a fault-context parameter is kept alive by the
 * fault's lock (mmap_lock, or the VMA lock under FAULT_FLAG_VMA_LOCK).
 */
static struct state *entry_state(struct engine *eng)
{
	struct state *st = state_new(&eng->scratch);
	const struct model *m = eng->model;
	const char *slot = m->fault.mm_field ? callback_slot_of(eng) : NULL;

	bind_param_vmas_to_mm(eng, st);
	for (int i = 0; i < eng->fn->nheld_on_entry; i++)
		caller_held_ptl(eng, st, eng->fn->held_on_entry[i]);

	for (int i = 0; m->fault_ctx_type && i < eng->fn->nparams; i++) {
		const struct ir_var *p = eng->fn->params[i];
		struct fact f;
		sym_t vma;

		if (p->type != intern(m->fault_ctx_type))
			continue;
		vma = sym_named(eng, "%s->%s", p->key, m->fault_ctx_vma);
		fact_init(&f, vma);
		f.keeper = (struct keeper){ .cls = LC_FAULT, .inst = vma, .at = eng->fn->loc,
			.how = arena_printf(eng->arena, "the fault's VMA %s->%s", p->name, m->fault_ctx_vma) };
		state_put_fact(&eng->scratch, st, &f);
		if (slot)
			callback_entry(eng, st, p, slot);
	}
	return st;
}

bool engine_run(const struct engine_config *cfg, struct ir_function *fn, const char **why)
{
	struct engine eng = { .cfg = cfg, .model = cfg->model, .fn = fn, .arena = fn->arena };
	bool ok = true;

	*why = NULL;
	if (!fn->nblocks)
		return true;
	/* --debug-states; MMLOCK_DEBUG_FN=name limits it to one function */
	eng.debug = cfg->debug && (!getenv("MMLOCK_DEBUG_FN") || !strcmp(getenv("MMLOCK_DEBUG_FN"), fn->name));
	eng.blocks = arena_alloc(eng.arena, fn->nblocks * sizeof(*eng.blocks));
	eng.live = ir_liveness(fn, &eng.live_words);
	eng.var_loc = arena_alloc(eng.arena, (fn->nvars + 1) * sizeof(sym_t));
	for (int v = 0; v < fn->nvars; v++)
		eng.var_loc[v] = sym_lookup(&eng, fn->vars[v]->key, true);
	eng.nvar_of_sym = eng.nsyms;
	eng.var_of_sym = arena_alloc(eng.arena, (eng.nsyms + 1) * sizeof(int));
	for (int i = 0; i < eng.nsyms; i++)
		eng.var_of_sym[i] = -1;
	for (int v = 0; v < fn->nvars; v++)
		eng.var_of_sym[eng.var_loc[v]] = v;
	eng.start = clock();
	propagate(&eng, 0, entry_state(&eng));
	while (eng.head < eng.tail && !over_budget(&eng)) {
		struct pending p = eng.work[eng.head++];

		eng.steps++;
		run_events(&eng, fn->blocks[p.block], 0, state_copy(&eng.scratch, p.st));
		arena_reset(&eng.scratch);
	}
	if (eng.gave_up) {
		*why = eng.gave_up;
		ok = false;
	}
	if (eng.debug)
		for (int b = 0; b < fn->nblocks; b++)
			fprintf(stderr, "bb%d: %d states%s\n", b, eng.blocks[b].n,
				eng.blocks[b].nwidened ? " +widened" : "");
	if (eng.debug && getenv("MMLOCK_DEBUG_BLOCK"))
		for (int i = 0, b = atoi(getenv("MMLOCK_DEBUG_BLOCK")); i < eng.blocks[b].n; i++)
			state_dump(&eng, eng.blocks[b].v[i], i);
	if (ok) {
		struct hook_args ha = { .eng = &eng };

		run_hooks(HOOK_FUNCTION_END, &ha);
	}
	arena_reset(&eng.scratch);
	free(eng.work);
	free(eng.mark);
	return ok;
}
