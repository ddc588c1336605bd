// SPDX-License-Identifier: GPL-2.0
/*
 * Parser for the lock model file. Line oriented: an 'fn' line opens an
 * entry, indented lines below it give its attributes and cases. Errors name
 * the file and line; a bad model is a usage error, never a silent skip.
 */
#include "model.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"

static const char *const class_names[LC_NR] = {
	[LC_MMAP] = "mmap", [LC_VMA] = "vma", [LC_PTL] = "ptl",
	[LC_FOLIO] = "folio", [LC_FAULT] = "fault",
};

const char *lock_class_name(enum lock_class c)
{
	return class_names[c];
}

struct parser {
	const char *file;
	int line;
	char *p;		/* cursor in the current line */
	struct model_api *api;	/* entry being filled */
	bool failed;
};

static void perr(struct parser *ps, const char *msg, const char *what)
{
	fprintf(stderr, "%s:%d: %s%s%s\n", ps->file, ps->line, msg, what ? ": " : "",
		what ? what : "");
	ps->failed = true;
}

static void skip_ws(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
}

static bool accept(struct parser *ps, const char *tok)
{
	size_t n = strlen(tok);

	skip_ws(ps);
	if (strncmp(ps->p, tok, n))
		return false;
	/* a word must end at a non-identifier character */
	if (isalnum((unsigned char)tok[n - 1]) && (isalnum((unsigned char)ps->p[n]) || ps->p[n] == '_'))
		return false;
	ps->p += n;
	return true;
}

static const char *ident(struct parser *ps)
{
	char *s;

	skip_ws(ps);
	s = ps->p;
	while (isalnum((unsigned char)*ps->p) || *ps->p == '_')
		ps->p++;
	if (s == ps->p)
		return NULL;
	return intern_len(s, ps->p - s);
}

static int param_index(struct model_api *api, const char *name)
{
	for (int i = 0; i < api->nparams; i++)
		if (api->params[i].name == name)
			return i;
	return -2;
}

static bool parse_ref(struct parser *ps, struct model_ref *ref)
{
	const char *name;
	bool deref = accept(ps, "*");

	memset(ref, 0, sizeof(*ref));
	name = ident(ps);
	if (!name) {
		perr(ps, "expected a parameter name or 'ret'", ps->p);
		return false;
	}
	ref->param = name == intern("ret") ? REF_RET : param_index(ps->api, name);
	if (ref->param == -2) {
		perr(ps, "unknown parameter", name);
		return false;
	}
	if (deref)
		ref->steps[ref->nsteps++].kind = '*';
	for (;;) {
		char kind = accept(ps, "->") ? '>' : accept(ps, ".") ? '.' : 0;

		if (!kind && accept(ps, "~")) {	/* vmi->mas.tree~mm_mt: the mm */
			ref->owner = ident(ps);
			return ref->owner != NULL;
		}
		if (!kind)
			return true;
		if (ref->nsteps == 4) {
			perr(ps, "reference too long", NULL);
			return false;
		}
		ref->steps[ref->nsteps].kind = kind;
		ref->steps[ref->nsteps].field = ident(ps);
		if (!ref->steps[ref->nsteps++].field) {
			perr(ps, "expected a field name", NULL);
			return false;
		}
	}
}

/* VALUE: a number, NULL, or constant names joined by '|'. */
static bool parse_value(struct parser *ps, struct model_cond *c)
{
	bool neg = accept(ps, "-");
	char *end;

	skip_ws(ps);
	if (accept(ps, "NULL")) {
		c->value = c->number = 0;
		return true;
	}
	if (isdigit((unsigned char)*ps->p)) {
		errno = 0;
		c->number = strtoll(ps->p, &end, 0);
		ps->p = end;
		if (neg)
			c->number = -c->number;
		c->value = c->number;
		return errno == 0;
	}
	do {
		const char *name = ident(ps);

		if (!name || neg || c->nnames == (int)ARRAY_SIZE(c->names)) {
			perr(ps, "expected a number, NULL or constant names joined by '|'", ps->p);
			return false;
		}
		c->names[c->nnames++] = name;
	} while (accept(ps, "|"));
	c->const_name = c->names[0];
	c->unresolved = true;
	return true;
}

static bool parse_cond(struct parser *ps, struct model_cond *c)
{
	static const struct { const char *tok; enum cond_op op; } ops[] = {
		{ "==", C_EQ }, { "!=", C_NE }, { "<=", C_LE }, { ">=", C_GE },
		{ "<", C_LT }, { ">", C_GT }, { "&", C_BITS },
	};

	memset(c, 0, sizeof(*c));
	if (accept(ps, "(")) {	/* (REF & VALUE) == 0 */
		if (!parse_ref(ps, &c->ref) || !accept(ps, "&") || !parse_value(ps, c) ||
		    !accept(ps, ")") || !accept(ps, "==") || !accept(ps, "0")) {
			perr(ps, "expected (REF & VALUE) == 0", ps->p);
			return false;
		}
		c->op = C_NOBITS;
		return true;
	}
	if (!parse_ref(ps, &c->ref))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(ops); i++)
		if (accept(ps, ops[i].tok)) {
			c->op = ops[i].op;
			return parse_value(ps, c);
		}
	perr(ps, "expected a comparison", ps->p);
	return false;
}

static bool parse_class(struct parser *ps, struct model_effect *ef)
{
	const char *name = ident(ps);

	for (int i = 0; i < LC_NR; i++)
		if (name && !strcmp(name, class_names[i])) {
			ef->cls = i;
			ef->mode = LM_NONE;
			if (accept(ps, ":read"))
				ef->mode = LM_READ;
			else if (accept(ps, ":write"))
				ef->mode = LM_WRITE;
			return true;
		}
	perr(ps, "unknown lock class", name ? name : ps->p);
	return false;
}

static bool parse_effect(struct parser *ps, struct model_effect *ef)
{
	static const struct { const char *word; enum effect_kind kind; } kinds[] = {
		{ "acquire", EF_ACQUIRE }, { "try", EF_TRY }, { "release", EF_RELEASE },
		{ "downgrade", EF_DOWNGRADE }, { "assert", EF_ASSERT },
		{ "relock", EF_RELOCK }, { "mark", EF_MARK_PTL }, { "fail", EF_FAIL },
		{ "name", EF_NAME }, { "forget", EF_FORGET }, { "alive", EF_ALIVE },
		{ "unmap", EF_UNMAP },
	};
	size_t i;

	memset(ef, 0, sizeof(*ef));
	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (accept(ps, kinds[i].word))
			break;
	if (i == ARRAY_SIZE(kinds)) {
		perr(ps, "unknown effect", ps->p);
		return false;
	}
	ef->kind = kinds[i].kind;
	if (ef->kind == EF_UNMAP)	/* unmap REF */
		return parse_ref(ps, &ef->inst);
	if (ef->kind == EF_ALIVE) {	/* alive REF under CLASS REF */
		if (!parse_ref(ps, &ef->inst) || !accept(ps, "under") || !parse_class(ps, ef) ||
		    !parse_ref(ps, &ef->arg)) {
			perr(ps, "usage: alive REF under CLASS REF [unchecked]", NULL);
			return false;
		}
		ef->unchecked = accept(ps, "unchecked");
		return true;
	}
	if (ef->kind != EF_NAME) {
		/* CLASS TAG(REF): the lock named like a 'name' effect names it */
		char *save;

		if (!parse_class(ps, ef))
			return false;
		save = ps->p;
		ef->tag = ident(ps);
		if (ef->tag && accept(ps, "(")) {
			if (!parse_ref(ps, &ef->arg) || !accept(ps, ")")) {
				perr(ps, "expected TAG(REF)", ps->p);
				return false;
			}
		} else {
			ps->p = save;
			ef->tag = NULL;
			if (!parse_ref(ps, &ef->inst))
				return false;
		}
		if (ef->cls == LC_FAULT && !parse_ref(ps, &ef->flags))
			return false;
		if (accept(ps, "unless"))
			return parse_cond(ps, &ef->unless);
		return true;
	}
	if (ef->kind == EF_NAME) {	/* name REF = TAG(REF) | name REF = REF */
		char *save;

		if (!parse_ref(ps, &ef->inst) || !accept(ps, "=")) {
			perr(ps, "usage: name REF = TAG(REF) or name REF = REF", NULL);
			return false;
		}
		save = ps->p;
		ef->tag = ident(ps);
		if (!ef->tag || !accept(ps, "(")) {
			ps->p = save;
			ef->tag = NULL;
			return parse_ref(ps, &ef->arg);
		}
		if (!parse_ref(ps, &ef->arg) || !accept(ps, ")")) {
			perr(ps, "usage: name REF = TAG(REF)", NULL);
			return false;
		}
		return true;
	}
	return true;
}

static bool parse_effects(struct parser *ps, struct model_case *mc)
{
	if (accept(ps, "nothing"))
		return true;
	do {
		struct model_effect ef;

		if (!parse_effect(ps, &ef))
			return false;
		mc->effects = xrealloc(mc->effects, (mc->neffects + 1) * sizeof(ef));
		mc->effects[mc->neffects++] = ef;
	} while (accept(ps, ","));
	return true;
}

static void add_case(struct parser *ps, struct model_case *mc)
{
	struct model_api *api = ps->api;

	api->cases = xrealloc(api->cases, (api->ncases + 1) * sizeof(*mc));
	api->cases[api->ncases++] = *mc;
}

static bool parse_param(struct parser *ps, struct model_param *mp)
{
	memset(mp, 0, sizeof(*mp));
	mp->addr = accept(ps, "&");
	mp->name = ident(ps);
	if (!mp->name) {
		perr(ps, "expected a parameter name", ps->p);
		return false;
	}
	while (accept(ps, "->")) {
		if (mp->nsteps == 2) {
			perr(ps, "parameter pattern too long", NULL);
			return false;
		}
		mp->fields[mp->nsteps++] = ident(ps);
	}
	return true;
}

/* where PARAM is ptl | where COND[, COND] */
static bool parse_where(struct parser *ps, struct model_api *api)
{
	char *save = ps->p;
	const char *name = ident(ps);

	if (name && accept(ps, "is")) {
		api->where_param = param_index(api, name);
		if (api->where_param < 0 || !accept(ps, "ptl")) {
			perr(ps, "where: expected PARAM is ptl", name);
			return false;
		}
		api->where = W_IS_PTL;
		return true;
	}
	ps->p = save;
	api->where = W_COND;
	do {
		if (api->nwhere == (int)ARRAY_SIZE(api->where_cond)) {
			perr(ps, "where: at most two conditions", NULL);
			return false;
		}
		if (!parse_cond(ps, &api->where_cond[api->nwhere++]))
			return false;
	} while (accept(ps, ","));
	return true;
}

static bool parse_fn(struct parser *ps, struct model *m)
{
	struct model_api *api;

	if (m->napis == m->capapis) {
		m->capapis = m->capapis ? 2 * m->capapis : 64;
		m->apis = xrealloc(m->apis, m->capapis * sizeof(*m->apis));
	}
	api = &m->apis[m->napis++];
	memset(api, 0, sizeof(*api));
	api->line = ps->line;
	ps->api = api;
	api->name = ident(ps);
	if (!api->name || !accept(ps, "(")) {
		perr(ps, "expected NAME(", NULL);
		return false;
	}
	while (!accept(ps, ")")) {
		struct model_param mp;

		if (api->nparams && !accept(ps, ",")) {
			perr(ps, "expected ',' or ')'", ps->p);
			return false;
		}
		if (!parse_param(ps, &mp))
			return false;
		api->params = xrealloc(api->params, (api->nparams + 1) * sizeof(mp));
		api->params[api->nparams++] = mp;
	}
	if (accept(ps, "->")) {
		skip_ws(ps);
		char *s = ps->p;

		while (*ps->p && strncmp(ps->p, " where", 6))
			ps->p++;
		while (ps->p > s && isspace((unsigned char)ps->p[-1]))
			ps->p--;
		api->ret_type = intern_len(s, ps->p - s);
	}
	if (accept(ps, "where"))
		return parse_where(ps, api);
	return true;
}

static bool parse_body_line(struct parser *ps)
{
	struct model_case mc = {0};

	if (!ps->api) {
		perr(ps, "indented line outside an 'fn' entry", NULL);
		return false;
	}
	if (accept(ps, "sleeps")) {
		ps->api->sleeps = true;
		return true;
	}
	if (accept(ps, "exhaustive")) {
		ps->api->exhaustive = true;
		return true;
	}
	if (accept(ps, "needs-mmap")) {
		ps->api->needs_mmap = true;
		return true;
	}
	if (accept(ps, "same-value")) {
		ps->api->same_value = true;
		return true;
	}
	mc.cond.op = C_TRUE;
	if (accept(ps, "otherwise")) {
		mc.otherwise = true;
	} else if (accept(ps, "on")) {
		if (!parse_cond(ps, &mc.cond))
			return false;
		while (accept(ps, ",")) {
			if (mc.nguards == (int)ARRAY_SIZE(mc.guard) || !accept(ps, "if") ||
			    !parse_cond(ps, &mc.guard[mc.nguards++])) {
				perr(ps, "expected ', if COND' (at most two)", ps->p);
				return false;
			}
		}
	}
	if ((mc.otherwise || mc.cond.op != C_TRUE) && !accept(ps, ":")) {
		perr(ps, "expected ':' after the condition", ps->p);
		return false;
	}
	if (!parse_effects(ps, &mc))
		return false;
	add_case(ps, &mc);
	return true;
}

/* The rest of the line, trailing blanks dropped: a type name. */
static const char *rest_of_line(struct parser *ps)
{
	char *s;

	skip_ws(ps);
	s = ps->p;
	ps->p += strlen(ps->p);
	while (ps->p > s && isspace((unsigned char)ps->p[-1]))
		ps->p--;
	return intern_len(s, ps->p - s);
}

static bool parse_directive(struct parser *ps, struct model *m)
{
	if (accept(ps, "fn"))
		return parse_fn(ps, m);
	ps->api = NULL;
	if (accept(ps, "fault-lock")) {
		m->fault.flag_name = ident(ps);
		m->fault.mm_field = ident(ps);
		if (!m->fault.flag_name || !m->fault.mm_field) {
			perr(ps, "usage: fault-lock FLAG MM_FIELD", NULL);
			return false;
		}
		return true;
	}
	if (accept(ps, "vma-type")) {	/* vma-type struct vm_area_struct */
		m->vma_type = rest_of_line(ps);
		return true;
	}
	if (accept(ps, "mm-type")) {	/* mm-type struct mm_struct */
		m->mm_type = rest_of_line(ps);
		return true;
	}
	if (accept(ps, "fault-context")) {	/* fault-context struct vm_fault vma flags */
		const char *tag = ident(ps), *name = ident(ps), *field = ident(ps), *flags = ident(ps);

		if (!tag || !name || !field || !flags) {
			perr(ps, "usage: fault-context struct NAME VMA_FIELD FLAGS_FIELD", NULL);
			return false;
		}
		m->fault_ctx_type = intern(xasprintf("%s %s *", tag, name));
		m->fault_ctx_vma = field;
		m->fault_ctx_flags = flags;
		return true;
	}
	if (accept(ps, "range-field")) {	/* range-field vm_start */
		if (!(m->range_field = ident(ps))) {
			perr(ps, "usage: range-field FIELD", NULL);
			return false;
		}
		return true;
	}
	if (accept(ps, "callback")) {	/* callback struct dev_pagemap_ops migrate_to_ram */
		const char *tag = ident(ps), *name = ident(ps), *field = ident(ps);

		if (!tag || !name || !field || m->ncallbacks == (int)ARRAY_SIZE(m->callbacks)) {
			perr(ps, "usage: callback struct NAME FIELD", NULL);
			return false;
		}
		m->callbacks[m->ncallbacks].type = intern(xasprintf("%s %s", tag, name));
		m->callbacks[m->ncallbacks++].field = field;
		return true;
	}
	if (accept(ps, "exclusive-mm")) {	/* exclusive-mm exit_mmap */
		const char *fn = ident(ps);

		if (!fn || m->nexclusive_mm == (int)ARRAY_SIZE(m->exclusive_mm)) {
			perr(ps, "usage: exclusive-mm FUNCTION (at most 8)", NULL);
			return false;
		}
		m->exclusive_mm[m->nexclusive_mm++] = fn;
		return true;
	}
	if (accept(ps, "ptl-path")) {
		struct ptl_path pp = { .addr = accept(ps, "&") };

		if (!accept(ps, "->") || !(pp.field = ident(ps)) ||
		    m->nptl_paths == (int)ARRAY_SIZE(m->ptl_paths)) {
			perr(ps, "usage: ptl-path [&]->FIELD", NULL);
			return false;
		}
		m->ptl_paths[m->nptl_paths++] = pp;
		return true;
	}
	perr(ps, "unknown directive", ps->p);
	return false;
}

/* --- lookup by name: names are interned, so hashed and compared by pointer --- */

static size_t name_slot(const char *name, int nslots)
{
	uint64_t h = (uintptr_t)name * 0x9e3779b97f4a7c15ULL;

	return (h ^ h >> 29) & (nslots - 1);
}

static void model_index(struct model *m)
{
	free(m->by_name);
	free(m->prev_same);
	for (m->nslots = 64; m->nslots < 2 * m->napis; m->nslots *= 2)
		;
	m->by_name = xcalloc(m->nslots, sizeof(*m->by_name));
	m->prev_same = xcalloc(m->napis + 1, sizeof(*m->prev_same));
	for (int i = 0; i < m->napis; i++) {
		size_t h = name_slot(m->apis[i].name, m->nslots);

		while (m->by_name[h] && m->apis[m->by_name[h] - 1].name != m->apis[i].name)
			h = (h + 1) & (m->nslots - 1);
		m->prev_same[i] = m->by_name[h] - 1;
		m->by_name[h] = i + 1;
	}
	m->nindexed = m->napis;
}

static int last_of(const struct model *m, const char *name)
{
	for (size_t h = name_slot(name, m->nslots); m->by_name[h]; h = (h + 1) & (m->nslots - 1))
		if (m->apis[m->by_name[h] - 1].name == name)
			return m->by_name[h] - 1;
	return -1;
}

bool model_is_callback_slot(const struct model *m, const char *type, const char *field)
{
	for (int i = 0; i < m->ncallbacks; i++)
		if (m->callbacks[i].type == type && m->callbacks[i].field == field)
			return true;
	return false;
}

bool model_parse(struct model *m, const char *text, const char *filename)
{
	struct parser ps = { .file = filename };
	char *copy = xstrdup(text), *save = NULL;

	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *hash = strchr(line, '#');
		bool indented = *line == ' ' || *line == '\t';

		ps.line++;
		/* strtok_r skips empty lines; count them from the gap */
		if (line > copy)
			for (char *q = line - 2; q >= copy && *q == '\0'; q--)
				ps.line++;
		if (hash)
			*hash = '\0';
		ps.p = line;
		skip_ws(&ps);
		if (!*ps.p)
			continue;
		if (!(indented ? parse_body_line(&ps) : parse_directive(&ps, m)))
			continue;
		skip_ws(&ps);
		if (*ps.p)
			perr(&ps, "unexpected text", ps.p);
	}
	free(copy);
	model_index(m);
	return !ps.failed;
}

bool model_load_file(struct model *m, const char *path)
{
	FILE *f = fopen(path, "r");
	struct strbuf sb = {0};
	char buf[4096];
	size_t n;
	bool ok;

	if (!f) {
		fprintf(stderr, "mmlock: cannot read model %s: %s\n", path, strerror(errno));
		return false;
	}
	sb_add(&sb, "");
	while ((n = fread(buf, 1, sizeof(buf) - 1, f)) > 0) {
		buf[n] = '\0';
		sb_add(&sb, buf);
	}
	fclose(f);
	ok = model_parse(m, sb.s, path);
	sb_free(&sb);
	return ok;
}

void model_free(struct model *m)
{
	for (int i = 0; i < m->napis; i++) {
		for (int c = 0; c < m->apis[i].ncases; c++)
			free(m->apis[i].cases[c].effects);
		free(m->apis[i].cases);
		free(m->apis[i].params);
	}
	free(m->apis);
	free(m->by_name);
	free(m->prev_same);
	memset(m, 0, sizeof(*m));
}

static void resolve_cond(struct model_cond *c, model_const_lookup lookup, void *ctx)
{
	long long v;

	c->value = c->number;
	c->unresolved = false;
	for (int i = 0; i < c->nnames; i++) {
		if (!lookup(ctx, c->names[i], &v)) {
			c->unresolved = true;
			return;
		}
		c->value |= v;
	}
}

void model_resolve(struct model *m, model_const_lookup lookup, void *ctx)
{
	long long v;

	m->fault.resolved = m->fault.flag_name && lookup(ctx, m->fault.flag_name, &v);
	m->fault.flag = m->fault.resolved ? v : 0;
	for (int i = 0; i < m->napis; i++)
		for (int w = 0; w < m->apis[i].nwhere; w++)
			resolve_cond(&m->apis[i].where_cond[w], lookup, ctx);
	for (int i = 0; i < m->napis; i++)
		for (int c = 0; c < m->apis[i].ncases; c++) {
			struct model_case *mc = &m->apis[i].cases[c];

			resolve_cond(&mc->cond, lookup, ctx);
			for (int g = 0; g < mc->nguards; g++)
				resolve_cond(&mc->guard[g], lookup, ctx);
			for (int e = 0; e < mc->neffects; e++)
				resolve_cond(&mc->effects[e].unless, lookup, ctx);
		}
}

static bool api_matches(const struct model_api *api, const char *name, const char *ret_type,
			int nparams)
{
	if (api->name != name)
		return false;
	if (nparams >= 0 && api->nparams != nparams)
		return false;
	return !api->ret_type || !ret_type || api->ret_type == ret_type ||
	       strstr(ret_type, api->ret_type);
}

/* From the last entry down: through the name's chain when the index is current. */
const struct model_api *model_find(const struct model *m, const char *name,
				   const char *ret_type, int nparams, int from)
{
	bool indexed = m->nindexed == m->napis && m->nslots;
	int i = from < 0 ? m->napis - 1 : from;

	if (indexed)
		for (i = last_of(m, name); i > from && from >= 0; i = m->prev_same[i])
			;
	for (; i >= 0; i = indexed ? m->prev_same[i] : i - 1)
		if (api_matches(&m->apis[i], name, ret_type, nparams))
			return &m->apis[i];
	return NULL;
}
