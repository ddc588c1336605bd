// SPDX-License-Identifier: GPL-2.0
/*
 * Summaries. The callee is lowered on demand (a function of this file, or a
 * static inline from a header the model does not describe), analysed with
 * no checks attached, and every path leaving it is recorded: its return
 * value class (void, a constant, non-zero, unknown) and what it did to each
 * lock whose name the caller can form from the arguments (mm, vma->vm_mm,
 * *ptlp, pmd_lock(pmd)). Paths of one class that disagree, or classes the
 * caller cannot tell apart, make that lock "forget": the summary never
 * claims more than every path agrees on. Recursion and budget overruns
 * give no summary, and the caller falls back to forgetting.
 */
#include "summary.h"

#include <string.h>

#include "state.h"

enum ret_kind { R_VOID, R_CONST, R_NONZERO, R_UNKNOWN };

/* What one path did to one lock, for its caller. */
enum net_effect {
	NET_ACQUIRE,		/* taken, still held */
	NET_BALANCED,		/* taken and dropped again: the caller must not hold it */
	NET_FAIL,		/* tried, not taken */
	NET_RELEASE,		/* held on entry, dropped */
	NET_RELOCK,		/* held on entry, dropped and taken again */
	NET_ASSERT,		/* held on entry and still held, by contract */
};

struct lock_effect {
	enum lock_class cls;
	const char *name;	/* interned symbol name: the key across paths */
	enum net_effect kind;
	enum lock_mode mode;
};

/* ret->vm_mm holds the value of mm: "->vm_mm" and "mm". */
struct ret_name {
	const char *suffix;
	const char *value;
};

#define MAX_SPLIT_PARAMS 16

struct exit_path {
	enum ret_kind kind;
	int64_t value;
	bool approx;		/* came through a join: values may be lost */
	bool locks_approx;	/* ... and locks too */
	signed char null[MAX_SPLIT_PARAMS];	/* pointer parameter known NULL 1, non-NULL 0, else -1 */
	uint64_t set[MAX_SPLIT_PARAMS], clear[MAX_SPLIT_PARAMS];	/* flag parameters' known bits */
	struct lock_effect *fx;
	int nfx;
	struct ret_name *names;
	int nnames;
	struct ret_name *writes;	/* locations below parameters this path assigned, and to what */
	int nwrites;
	struct keeper alive;	/* the returned VMA lives under this lock (gup_vma_lookup()) */
	const char *alive_inst;	/* ... named for the caller */
};

struct builder {
	VEC(struct exit_path) exits;
};

struct cached {
	const char *name;
	struct model_api *api;	/* NULL: none */
	bool busy;
};

struct summaries {
	struct engine_config cfg;	/* quiet copy of the caller's */
	summary_lower_fn lower;
	void *ctx;
	VEC(struct cached) cache;
	int *slots;		/* index of cache by name: open addressing, position + 1, 0 empty */
	int nslots;
	int depth;
};

#define MAX_DEPTH 6		/* nested summaries being computed */
#define MAX_CLASSES 32		/* return value classes listed as cases */

struct summaries *summaries_new(const struct engine_config *cfg, summary_lower_fn lower, void *ctx)
{
	struct summaries *s = xcalloc(1, sizeof(*s));

	s->cfg = *cfg;
	s->cfg.quiet = true;
	s->cfg.max_steps = cfg->max_steps / 10;
	s->cfg.max_widened = 16;
	s->cfg.summary = summaries_get;
	s->cfg.summary_ctx = s;
	s->lower = lower;
	s->ctx = ctx;
	return s;
}

static void api_free(struct model_api *api)
{
	if (!api)
		return;
	free(api->writes);
	for (int c = 0; c < api->ncases; c++)
		free(api->cases[c].effects);
	free(api->cases);
	free(api->params);
	free(api);
}

void summaries_free(struct summaries *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->cache.n; i++)
		api_free(s->cache.v[i].api);
	vec_free(&s->cache);
	free(s->slots);
	free(s);
}

static void on_exit_path(void *ctx, struct engine *eng, const struct state *st, const struct aval *ret)
{
	struct builder *b = ctx;
	struct exit_path p = { .approx = st->approx, .locks_approx = st->locks_approx };
	int64_t c;

	if (!ret)
		p.kind = R_VOID;
	else if (aval_const(ret, &c))
		p.kind = R_CONST, p.value = c;
	else if (fact_test(&ret->f, CMP_NE, 0) == 1)
		p.kind = R_NONZERO;
	else
		p.kind = R_UNKNOWN;
	for (int i = 0; i < MAX_SPLIT_PARAMS; i++) {
		bool in = i < engine_function(eng)->nparams;

		p.null[i] = in && strchr(engine_function(eng)->params[i]->type, '*') ?
			    engine_param_null(eng, st, i) : -1;
		if (in && p.null[i] < 0)
			engine_param_bits(eng, st, i, &p.set[i], &p.clear[i]);
	}
	p.fx = xcalloc(st->nlocks + 1, sizeof(*p.fx));
	for (int i = 0; i < st->nlocks; i++) {
		const struct lock *lk = &st->locks[i];
		struct lock_effect *e = &p.fx[p.nfx];

		e->cls = lk->cls;
		e->name = intern(engine_sym_name(eng, lk->inst));
		e->mode = lk->mode;
		if (lk->status == LS_HELD && !lk->here)
			e->kind = NET_ASSERT;
		else if (lk->status == LS_HELD)
			e->kind = lk->held_at_entry ? NET_RELOCK : NET_ACQUIRE;
		else if (lk->status == LS_RELEASED)
			e->kind = lk->held_at_entry ? NET_RELEASE : NET_BALANCED;
		else
			e->kind = lk->held_at_entry ? NET_RELEASE : NET_FAIL;
		p.nfx++;
	}
	/* a VMA looked up under a lock the caller can name: alive under it */
	if (ret && ret->sym != NO_SYM && ret->f.keeper.cls != LC_NR && ret->f.keeper.cls != LC_FAULT &&
	    ret->f.keeper.inst != NO_SYM) {
		p.alive = ret->f.keeper;
		p.alive_inst = intern(engine_sym_name(eng, ret->f.keeper.inst));
	}
	/* what the caller can learn about the returned object (vma->vm_mm) */
	if (ret && ret->sym != NO_SYM) {
		const char *rn = engine_sym_name(eng, ret->sym);
		size_t len = strlen(rn);

		p.names = xcalloc(st->nenv + 1, sizeof(*p.names));
		for (int i = 0; i < st->nenv; i++) {
			const char *loc = engine_sym_name(eng, st->env[i].loc);

			if (strncmp(loc, rn, len) || strncmp(loc + len, "->", 2) || strchr(loc + len + 2, '-'))
				continue;
			p.names[p.nnames].suffix = intern(loc + len);
			p.names[p.nnames++].value = intern(engine_sym_name(eng, st->env[i].val));
		}
	}
	/* what it stored below its parameters: the caller's copies are stale after */
	p.writes = xcalloc(st->nenv + 1, sizeof(*p.writes));
	for (int i = 0; i < st->nenv; i++) {
		const char *loc = engine_sym_name(eng, st->env[i].loc);

		if ((strstr(loc, "->") || loc[0] == '*') && !strchr(loc, '@') && loc[0] != '$' &&
		    !engine_is_entry_binding(eng, st->env[i].loc, st->env[i].val)) {
			p.writes[p.nwrites].suffix = intern(loc);
			p.writes[p.nwrites++].value = intern(engine_sym_name(eng, st->env[i].val));
		}
	}
	vec_push(&b->exits, p);
}

/* "vmf->vma->vm_mm", "*ptlp", "pmd_lock(pmd)" as a reference to the parameters. */
static bool name_to_ref(const struct ir_function *fn, const char *name, struct model_ref *ref,
			const char **tag)
{
	const char *p = name, *open = strchr(name, '(');
	size_t len;

	memset(ref, 0, sizeof(*ref));
	*tag = NULL;
	if (strchr(name, '@') || strchr(name, '[') || name[0] == '&' || name[0] == '$')
		return false;
	if (open && name[strlen(name) - 1] == ')' && open > name) {
		char inner[256];

		len = strlen(open + 1) - 1;
		if (len >= sizeof(inner) || strchr(open + 1, '('))
			return false;
		memcpy(inner, open + 1, len);
		inner[len] = '\0';
		*tag = intern_len(name, open - name);
		return name_to_ref(fn, inner, ref, &(const char *){ NULL });
	}
	if (*p == '*') {
		ref->steps[ref->nsteps++].kind = '*';
		p++;
	}
	len = strcspn(p, "-.");
	ref->param = -2;
	for (int i = 0; i < fn->nparams; i++)
		if (strlen(fn->params[i]->key) == len && !strncmp(fn->params[i]->key, p, len))
			ref->param = i;
	if (ref->param < 0)
		return false;
	for (p += len; *p;) {
		char kind = p[0] == '-' && p[1] == '>' ? '>' : p[0] == '.' ? '.' : 0;

		if (!kind || ref->nsteps == 4)
			return false;
		p += kind == '>' ? 2 : 1;
		len = strcspn(p, "-.");
		ref->steps[ref->nsteps].kind = kind;
		ref->steps[ref->nsteps++].field = intern_len(p, len);
		p += len;
	}
	return true;
}

/* A fault lock is named by the context's vma; its flags are the same context's. */
static bool fault_flags_ref(const struct model *m, const struct ir_function *fn,
			    const struct model_ref *vma, struct model_ref *flags)
{
	if (vma->param < 0 || vma->nsteps != 1 || vma->steps[0].kind != '>' || !m->fault_ctx_type ||
	    vma->steps[0].field != intern(m->fault_ctx_vma) ||
	    fn->params[vma->param]->type != intern(m->fault_ctx_type))
		return false;
	*flags = *vma;
	flags->steps[0].field = intern(m->fault_ctx_flags);
	return true;
}

static bool same_class(const struct exit_path *a, const struct exit_path *b)
{
	return a->kind == b->kind && (a->kind != R_CONST || a->value == b->value);
}

#define NET_FORGET (-2)
#define NET_NONE (-1)

static bool ends_held(int net)
{
	return net == NET_NONE || net == NET_RELOCK || net == NET_ASSERT;
}

/* What the paths of one class did to a lock: one net effect, NET_NONE or NET_FORGET. */
static int class_effect(const struct builder *b, const struct exit_path *cls,
			const struct lock_effect *key, enum lock_mode *mode)
{
	int kind = NET_NONE;
	bool first = true;

	for (int i = 0; i < b->exits.n; i++) {
		const struct exit_path *p = &b->exits.v[i];
		int k = NET_NONE;

		if (!same_class(p, cls))
			continue;
		for (int j = 0; j < p->nfx; j++)
			if (p->fx[j].name == key->name && p->fx[j].cls == key->cls) {
				k = p->fx[j].kind;
				*mode = p->fx[j].mode;
			}
		if (p->locks_approx)
			return NET_FORGET;
		if (!first && k != kind) {
			/*
			 * Held at the end either way, re-taken on some paths: the
			 * caller cannot tell, so its VMAs may be stale (relock).
			 */
			if (ends_held(k) && ends_held(kind) && (k == NET_RELOCK || kind == NET_RELOCK))
				k = NET_RELOCK;
			else
				return NET_FORGET;
		}
		kind = k;
		first = false;
	}
	return kind;
}

static void add_effect(struct model_case *mc, const struct model_effect *ef)
{
	mc->effects = xrealloc(mc->effects, (mc->neffects + 1) * sizeof(*ef));
	mc->effects[mc->neffects++] = *ef;
}

/* A net effect as model effects at the call site (balanced: take, then drop). */
static void add_net(struct model_case *mc, struct model_effect ef, int net)
{
	static const enum effect_kind kind[] = {
		[NET_ACQUIRE] = EF_ACQUIRE, [NET_FAIL] = EF_FAIL, [NET_RELEASE] = EF_RELEASE,
		[NET_RELOCK] = EF_RELOCK, [NET_ASSERT] = EF_ASSERT,
	};

	if (net == NET_NONE)
		return;
	if (net == NET_FORGET) {
		ef.kind = EF_FORGET;
	} else if (net == NET_BALANCED) {
		ef.kind = EF_ACQUIRE;
		add_effect(mc, &ef);
		ef.kind = EF_RELEASE;
	} else {
		ef.kind = kind[net];
	}
	add_effect(mc, &ef);
}

/* --- the cache: names are interned, so hashed and compared by pointer --- */

static size_t slot_of(const char *name, int nslots)
{
	uint64_t h = (uintptr_t)name * 0x9e3779b97f4a7c15ULL;

	return (h ^ h >> 29) & (nslots - 1);
}

static void cache_rehash(struct summaries *s)
{
	s->nslots = s->nslots ? 2 * s->nslots : 256;
	free(s->slots);
	s->slots = xcalloc(s->nslots, sizeof(*s->slots));
	for (int i = 0; i < s->cache.n; i++) {
		size_t h = slot_of(s->cache.v[i].name, s->nslots);

		while (s->slots[h])
			h = (h + 1) & (s->nslots - 1);
		s->slots[h] = i + 1;
	}
}

static struct cached *cache_find(const struct summaries *s, const char *name)
{
	if (!s->nslots)
		return NULL;
	for (size_t h = slot_of(name, s->nslots); s->slots[h]; h = (h + 1) & (s->nslots - 1))
		if (s->cache.v[s->slots[h] - 1].name == name)
			return &s->cache.v[s->slots[h] - 1];
	return NULL;
}

/* Returns the new entry's position (entries move when the vector grows). */
static int cache_add(struct summaries *s, const char *name)
{
	vec_push(&s->cache, ((struct cached){ name, NULL, true }));
	if (2 * s->cache.n > s->nslots)
		cache_rehash(s);
	else {
		size_t h = slot_of(name, s->nslots);

		while (s->slots[h])
			h = (h + 1) & (s->nslots - 1);
		s->slots[h] = s->cache.n;
	}
	return s->cache.n - 1;
}

static bool callee_sleeps(const struct summaries *s, const struct ir_function *fn)
{
	for (int b = 0; b < fn->nblocks; b++)
		for (int i = 0; i < fn->blocks[b]->nev; i++) {
			const struct ir_event *ev = &fn->blocks[b]->ev[i];
			const struct model_api *api;
			const struct cached *c;

			if (ev->op != OP_CALL || !ev->callee)
				continue;
			api = model_find(s->cfg.model, ev->callee, ev->callee_ret, -1, -1);
			if (!api && (c = cache_find(s, ev->callee)))
				api = c->api;
			if (api && api->sleeps)
				return true;
		}
	return false;
}

/* The distinct return classes; false if the caller could not tell them apart. */
static int collect_classes(const struct builder *b, const struct exit_path **cls, bool *separable)
{
	int n = 0;
	bool nonzero = false, nonzero_const = false, unknown = false;

	for (int i = 0; i < b->exits.n; i++) {
		const struct exit_path *p = &b->exits.v[i];
		bool seen = false;

		for (int k = 0; k < n && !seen; k++)
			seen = same_class(cls[k], p);
		if (!seen)
			cls[n++] = p;
		unknown |= p->kind == R_UNKNOWN;
		nonzero |= p->kind == R_NONZERO;
		nonzero_const |= p->kind == R_CONST && p->value != 0;
	}
	*separable = !unknown && !(nonzero && nonzero_const);
	return n;
}

/*
 * "name ret->vm_mm = mm" for each field of the returned object that every
 * path of the case (but those returning NULL) set to the same parameter value.
 */
static void add_ret_names(struct model_api *api, const struct ir_function *fn,
			  const struct builder *b, const struct exit_path **cls)
{
	for (int c = 0; c < api->ncases; c++)
		for (int i = 0; i < b->exits.n; i++)
			for (int k = 0; k < b->exits.v[i].nnames; k++) {
				const struct ret_name *n = &b->exits.v[i].names[k];
				struct model_effect ef = { .kind = EF_NAME };
				bool all = true;

				ef.unless.op = C_TRUE;
				for (int j = 0; j < b->exits.n && all; j++) {
					const struct exit_path *p = &b->exits.v[j];
					bool found = false;

					if ((api->ncases > 1 && !same_class(p, cls[c])) ||
					    (p->kind == R_CONST && p->value == 0))
						continue;
					for (int m = 0; m < p->nnames; m++)
						found |= p->names[m].suffix == n->suffix &&
							 p->names[m].value == n->value;
					all = found && !p->approx;
				}
				if (!all || !name_to_ref(fn, n->value, &ef.arg, &ef.tag) || ef.tag)
					continue;
				ef.inst.param = REF_RET;
				ef.inst.nsteps = 1;
				ef.inst.steps[0].kind = '>';
				ef.inst.steps[0].field = intern(n->suffix + 2);
				for (int e = 0; e < api->cases[c].neffects; e++)	/* once */
					if (api->cases[c].effects[e].kind == EF_NAME &&
					    api->cases[c].effects[e].inst.steps[0].field == ef.inst.steps[0].field)
						all = false;
				if (all)
					add_effect(&api->cases[c], &ef);
			}
}

/*
 * "alive ret under mmap mm": every path of the case that returns a VMA (all
 * but NULL) returns one kept alive by the same lock, named by a parameter.
 */
static void add_ret_alive(struct model_api *api, const struct ir_function *fn,
			  const struct builder *b, const struct exit_path **cls)
{
	for (int c = 0; c < api->ncases; c++) {
		const struct exit_path *first = NULL;
		struct model_effect ef = { .kind = EF_ALIVE };
		bool all = true;

		ef.unless.op = C_TRUE;
		for (int i = 0; i < b->exits.n && all; i++) {
			const struct exit_path *p = &b->exits.v[i];

			if ((api->ncases > 1 && !same_class(p, cls[c])) ||
			    (p->kind == R_CONST && p->value == 0))
				continue;
			all = p->alive_inst && !p->approx &&
			      (!first || (p->alive.cls == first->alive.cls && p->alive_inst == first->alive_inst));
			if (!first)
				first = p;
			ef.unchecked |= p->alive.unchecked;
		}
		if (!all || !first || !name_to_ref(fn, first->alive_inst, &ef.arg, &ef.tag) || ef.tag)
			continue;
		ef.cls = first->alive.cls;
		ef.inst.param = REF_RET;
		add_effect(&api->cases[c], &ef);
	}
}

/*
 * A location below a parameter that every path sets to the same value the
 * caller can name (vmf->ptl = pte_lock(vmf->pmd)): a name effect.
 */
static bool write_as_name(struct model_api *api, const struct ir_function *fn,
			  const struct builder *b, const struct ret_name *w, const struct model_ref *loc)
{
	struct model_effect ef = { .kind = EF_NAME, .inst = *loc };

	ef.unless.op = C_TRUE;
	for (int i = 0; i < b->exits.n; i++) {
		bool same = false;

		for (int k = 0; k < b->exits.v[i].nwrites; k++)
			same |= b->exits.v[i].writes[k].suffix == w->suffix &&
				b->exits.v[i].writes[k].value == w->value;
		if (!same || b->exits.v[i].approx)
			return false;
	}
	if (!name_to_ref(fn, w->value, &ef.arg, &ef.tag))
		return false;
	for (int c = 0; c < api->ncases; c++)
		add_effect(&api->cases[c], &ef);
	return true;
}

/* Every location below a parameter that some path assigned. */
static void add_writes(struct model_api *api, const struct ir_function *fn, const struct builder *b)
{
	for (int i = 0; i < b->exits.n; i++)
		for (int k = 0; k < b->exits.v[i].nwrites; k++) {
			struct model_ref ref;
			const char *tag;
			bool dup = false;

			if (!name_to_ref(fn, b->exits.v[i].writes[k].suffix, &ref, &tag) || tag || !ref.nsteps)
				continue;
			for (int w = 0; w < api->nwrites && !dup; w++)
				dup = !memcmp(&api->writes[w], &ref, sizeof(ref));
			for (int c = 0; c < api->ncases && !dup; c++)
				for (int e = 0; e < api->cases[c].neffects && !dup; e++)
					dup = api->cases[c].effects[e].kind == EF_NAME &&
					      !memcmp(&api->cases[c].effects[e].inst, &ref, sizeof(ref));
			if (dup || write_as_name(api, fn, b, &b->exits.v[i].writes[k], &ref))
				continue;
			api->writes = xrealloc(api->writes, (api->nwrites + 1) * sizeof(ref));
			api->writes[api->nwrites++] = ref;
		}
}

/* Locks the run lost track of: whatever the paths say, the caller cannot know. */
static void add_uncertain(const struct summaries *s, struct model_api *api,
			  const struct ir_function *fn, const struct engine_uncertain *u)
{
	api->opaque_params = u->opaque_params;
	api->used_params = u->used_params | u->opaque_params;
	for (int i = 0; i < u->locks.n; i++) {
		struct model_effect ef = { .cls = u->locks.v[i].cls, .kind = EF_FORGET };

		ef.unless.op = C_TRUE;
		if (!name_to_ref(fn, u->locks.v[i].name, &ef.inst, &ef.tag))
			continue;
		if (ef.cls == LC_FAULT && (ef.tag || !fault_flags_ref(s->cfg.model, fn, &ef.inst, &ef.flags)))
			continue;
		if (ef.tag) {
			ef.arg = ef.inst;
			memset(&ef.inst, 0, sizeof(ef.inst));
		}
		for (int c = 0; c < api->ncases; c++)
			add_effect(&api->cases[c], &ef);
	}
}

static struct model_api *build(const struct summaries *s, const struct ir_function *fn,
			       const struct builder *b, const struct engine_uncertain *u)
{
	struct model_api *api = xcalloc(1, sizeof(*api));
	const struct exit_path **cls = xcalloc(b->exits.n + 1, sizeof(*cls));
	bool separable;
	int ncls = collect_classes(b, cls, &separable);

	api->name = fn->name;
	api->nparams = fn->nparams;
	api->params = xcalloc(fn->nparams + 1, sizeof(*api->params));
	for (int i = 0; i < fn->nparams; i++)
		api->params[i].name = fn->params[i]->key;
	api->sleeps = callee_sleeps(s, fn);
	api->exhaustive = true;
	if (ncls > MAX_CLASSES) {	/* too many to list: say nothing per class */
		separable = false;
		ncls = MAX_CLASSES;
	}
	api->ncases = separable && ncls > 1 ? ncls : 1;
	api->cases = xcalloc(api->ncases, sizeof(*api->cases));
	for (int c = 0; c < api->ncases; c++) {
		struct model_cond *cond = &api->cases[c].cond;

		cond->op = C_TRUE;
		if (api->ncases > 1) {
			cond->ref.param = REF_RET;
			cond->op = cls[c]->kind == R_NONZERO ? C_NE : C_EQ;
			cond->value = cond->number = cls[c]->kind == R_NONZERO ? 0 : cls[c]->value;
		}
	}
	/* every lock any path touched, once */
	for (int i = 0; i < b->exits.n; i++)
		for (int j = 0; j < b->exits.v[i].nfx; j++) {
			const struct lock_effect *key = &b->exits.v[i].fx[j];
			struct model_effect ef = { .cls = key->cls };
			bool dup = false, uniform;
			int kinds[MAX_CLASSES];

			for (int i2 = 0; i2 <= i && !dup; i2++)
				for (int j2 = 0; j2 < b->exits.v[i2].nfx && !dup; j2++)
					if ((i2 < i || j2 < j) && b->exits.v[i2].fx[j2].name == key->name &&
					    b->exits.v[i2].fx[j2].cls == key->cls)
						dup = true;
			if (dup || !name_to_ref(fn, key->name, &ef.inst, &ef.tag))
				continue;
			if (key->cls == LC_FAULT && (ef.tag ||
			    !fault_flags_ref(s->cfg.model, fn, &ef.inst, &ef.flags)))
				continue;
			if (ef.tag) {	/* pmd_lock(pmd): the reference is the argument */
				ef.arg = ef.inst;
				memset(&ef.inst, 0, sizeof(ef.inst));
			}
			ef.unless.op = C_TRUE;
			uniform = true;
			for (int c = 0; c < ncls; c++) {
				kinds[c] = class_effect(b, cls[c], key, &ef.mode);
				uniform &= kinds[c] == kinds[0];
			}
			for (int c = 0; c < api->ncases; c++)
				add_net(&api->cases[c], ef,
					uniform ? kinds[0] : api->ncases > 1 ? kinds[c] : NET_FORGET);
		}
	add_ret_names(api, fn, b, cls);
	add_ret_alive(api, fn, b, cls);
	add_writes(api, fn, b);
	add_uncertain(s, api, fn, u);
	free(cls);
	return api;
}

static bool same_effects(const struct model_api *a, const struct model_api *b)
{
	if (a->ncases != b->ncases)
		return false;
	for (int c = 0; c < a->ncases; c++) {
		if (a->cases[c].neffects != b->cases[c].neffects || a->cases[c].cond.op != b->cases[c].cond.op ||
		    a->cases[c].cond.value != b->cases[c].cond.value)
			return false;
		for (int e = 0; e < a->cases[c].neffects; e++)
			if (memcmp(&a->cases[c].effects[e], &b->cases[c].effects[e], sizeof(struct model_effect)))
				return false;
	}
	return true;
}

/*
 * __bad_area(regs, code, addr, mm, vma) drops mmap_lock when mm is set and
 * the VMA lock otherwise: when every path knows whether a pointer parameter
 * is NULL and the two sides do different things, the summary says so with a
 * guard on the argument instead of forgetting both locks.
 */
/* Which side of a split an exit is on: 1 NULL / bit set, 0 not, -1 unknown. */
static int side_of(const struct exit_path *e, int p, uint64_t bit)
{
	if (!bit)
		return e->null[p];
	return e->set[p] & bit ? 1 : e->clear[p] & bit ? 0 : -1;
}

/* A bit of flag parameter p that every exit knows, set on some and clear on others. */
static uint64_t split_bit(const struct builder *b, int p)
{
	uint64_t all_known = ~0ULL, some_set = 0, some_clear = 0;

	for (int i = 0; i < b->exits.n; i++) {
		const struct exit_path *e = &b->exits.v[i];

		all_known &= e->set[p] | e->clear[p];
		some_set |= e->set[p];
		some_clear |= e->clear[p];
	}
	all_known &= some_set & some_clear;
	return all_known & -all_known;	/* the lowest such bit */
}

static struct model_api *build_split(const struct summaries *s, const struct ir_function *fn,
				     const struct builder *b, const struct engine_uncertain *u)
{
	for (int q = 0; q < 2 * fn->nparams && q / 2 < MAX_SPLIT_PARAMS; q++) {
		int p = q / 2;
		uint64_t bit = q % 2 ? split_bit(b, p) : 0;	/* even: NULL-ness, odd: a flag bit */
		struct builder side[2] = { {{0}}, {{0}} };
		struct model_api *api[2], *all;
		bool ok = !(q % 2) || bit;

		for (int i = 0; i < b->exits.n && ok; i++) {
			int n = side_of(&b->exits.v[i], p, bit);

			ok = n >= 0;
			if (ok)
				vec_push(&side[n].exits, b->exits.v[i]);
		}
		if (!ok || !side[0].exits.n || !side[1].exits.n) {
			vec_free(&side[0].exits);
			vec_free(&side[1].exits);
			continue;
		}
		api[0] = build(s, fn, &side[0], u);
		api[1] = build(s, fn, &side[1], u);
		vec_free(&side[0].exits);
		vec_free(&side[1].exits);
		if (same_effects(api[0], api[1])) {
			api_free(api[0]);
			api_free(api[1]);
			continue;
		}
		all = api[0];	/* side 0: the parameter is not NULL */
		all->cases = xrealloc(all->cases, (api[0]->ncases + api[1]->ncases) * sizeof(*all->cases));
		for (int c = 0; c < api[1]->ncases; c++)
			all->cases[all->ncases + c] = api[1]->cases[c];
		for (int c = 0; c < all->ncases + api[1]->ncases; c++) {
			struct model_cond *g = &all->cases[c].guard[all->cases[c].nguards++];
			bool one = c >= all->ncases;	/* side 1: NULL, or the bit set */

			g->ref.param = p;
			if (bit) {
				g->op = one ? C_BITS : C_NOBITS;
				g->value = g->number = bit;
			} else {
				g->op = one ? C_EQ : C_NE;
			}
		}
		all->ncases += api[1]->ncases;
		all->sleeps |= api[1]->sleeps;
		free(all->writes);	/* both sides saw the same paths' writes: recompute */
		all->writes = NULL;
		all->nwrites = 0;
		add_writes(all, fn, b);
		free(api[1]->writes);
		free(api[1]->cases);
		free(api[1]->params);
		free(api[1]);
		return all;
	}
	return NULL;
}

const struct model_api *summaries_get(void *ctx, const struct ir_event *call)
{
	struct summaries *s = ctx;
	struct cached *c = cache_find(s, call->callee);
	struct arena arena = {0};
	struct ir_function *fn;
	struct builder b = {0};
	struct engine_uncertain u = {0};
	struct engine_config cfg;
	const char *why;
	int idx;

	if (c)
		return c->busy ? NULL : c->api;	/* busy: recursion */
	if (s->depth >= MAX_DEPTH)
		return NULL;
	idx = cache_add(s, call->callee);
	fn = s->lower(s->ctx, call->callee, &arena);
	if (fn) {
		cfg = s->cfg;
		cfg.on_exit = on_exit_path;
		cfg.exit_ctx = &b;
		cfg.uncertain = &u;
		s->depth++;
		if (engine_run(&cfg, fn, &why) && b.exits.n) {
			s->cache.v[idx].api = build_split(s, fn, &b, &u);
			if (!s->cache.v[idx].api)
				s->cache.v[idx].api = build(s, fn, &b, &u);
			if (s->cfg.dump_summaries)
				summary_print(stderr, s->cache.v[idx].api);
		}
		s->depth--;
		vec_free(&u.locks);
	}
	for (int i = 0; i < b.exits.n; i++) {
		free(b.exits.v[i].fx);
		free(b.exits.v[i].names);
		free(b.exits.v[i].writes);
	}
	vec_free(&b.exits);
	arena_reset(&arena);
	s->cache.v[idx].busy = false;
	return s->cache.v[idx].api;
}

static void print_ref(FILE *out, const struct model_api *api, const struct model_ref *r)
{
	bool deref = r->nsteps && r->steps[0].kind == '*';

	fprintf(out, "%s%s", deref ? "*" : "", r->param == REF_RET ? "ret" : api->params[r->param].name);
	for (int i = deref; i < r->nsteps; i++)
		fprintf(out, "%s%s", r->steps[i].kind == '>' ? "->" : ".", r->steps[i].field);
}

static void print_tagged(FILE *out, const struct model_api *api, const struct model_effect *ef)
{
	if (!ef->tag) {
		print_ref(out, api, &ef->arg);
		return;
	}
	fprintf(out, "%s(", ef->tag);
	print_ref(out, api, &ef->arg);
	fprintf(out, ")");
}

/* One effect in the model file's syntax, so --dump-summaries output can be pasted there. */
static void print_effect(FILE *out, const struct model_api *api, const struct model_effect *ef)
{
	static const char *const kind[] = {
		[EF_ACQUIRE] = "acquire", [EF_TRY] = "try", [EF_RELEASE] = "release",
		[EF_DOWNGRADE] = "downgrade", [EF_ASSERT] = "assert", [EF_RELOCK] = "relock",
		[EF_MARK_PTL] = "mark", [EF_FAIL] = "fail", [EF_FORGET] = "forget",
	};

	switch (ef->kind) {
	case EF_NAME:
		fprintf(out, "name ");
		print_ref(out, api, &ef->inst);
		fprintf(out, " = ");
		print_tagged(out, api, ef);
		return;
	case EF_ALIVE:
		fprintf(out, "alive ");
		print_ref(out, api, &ef->inst);
		fprintf(out, " under %s ", lock_class_name(ef->cls));
		print_ref(out, api, &ef->arg);
		fprintf(out, "%s", ef->unchecked ? " unchecked" : "");
		return;
	case EF_UNMAP:
		fprintf(out, "unmap ");
		print_ref(out, api, &ef->inst);
		return;
	default:
		break;
	}
	fprintf(out, "%s %s%s ", kind[ef->kind] ? kind[ef->kind] : "?", lock_class_name(ef->cls),
		ef->mode == LM_READ ? ":read" : ef->mode == LM_WRITE ? ":write" : "");
	if (ef->tag)
		print_tagged(out, api, ef);
	else
		print_ref(out, api, &ef->inst);
}

void summary_print(FILE *out, const struct model_api *api)
{
	fprintf(out, "fn %s(", api->name);
	for (int i = 0; i < api->nparams; i++)
		fprintf(out, "%s%s", i ? ", " : "", api->params[i].name);
	fprintf(out, ")\n%s", api->sleeps ? "\tsleeps\n" : "");
	for (int c = 0; c < api->ncases; c++) {
		const struct model_case *mc = &api->cases[c];

		fprintf(out, "\t");
		if (mc->cond.op != C_TRUE)
			fprintf(out, "on ret %s %lld", mc->cond.op == C_NE ? "!=" : "==",
				(long long)mc->cond.value);
		for (int g = 0; g < mc->nguards; g++) {
			fprintf(out, g || mc->cond.op != C_TRUE ? ", if " : "on ");
			if (mc->guard[g].op == C_BITS || mc->guard[g].op == C_NOBITS) {
				fprintf(out, "%s", mc->guard[g].op == C_NOBITS ? "(" : "");
				print_ref(out, api, &mc->guard[g].ref);
				fprintf(out, " & %#llx%s", (unsigned long long)mc->guard[g].value,
					mc->guard[g].op == C_NOBITS ? ") == 0" : "");
				continue;
			}
			print_ref(out, api, &mc->guard[g].ref);
			fprintf(out, " %s %lld", mc->guard[g].op == C_NE ? "!=" : "==",
				(long long)mc->guard[g].value);
		}
		if (mc->cond.op != C_TRUE || mc->nguards)
			fprintf(out, ": ");
		if (!mc->neffects)
			fprintf(out, "nothing");
		for (int e = 0; e < mc->neffects; e++) {
			fprintf(out, "%s", e ? ", " : "");
			print_effect(out, api, &mc->effects[e]);
		}
		fprintf(out, "\n");
	}
}
