// SPDX-License-Identifier: GPL-2.0
/*
 * Statements -> basic blocks.
 *
 * l->cur is the block being filled; NULL means the current point cannot be
 * reached (after return, goto, break), and code there gets a fresh block
 * with no predecessors that ir_function_compact() drops later.
 *
 * Cleanup variables (__attribute__((cleanup)), guard(), scoped_guard())
 * are released by an explicit call event on every edge that leaves their
 * scope: the end of the block, return, break/continue and goto out of it.
 */
#include "internal.h"

#include <string.h>

static void lower_expr_stmt(struct lower *l, CXCursor c);

static struct ir_loc loc_of(CXSourceLocation sl)
{
	struct ir_loc loc = {0};
	CXFile file;
	CXString name;

	clang_getExpansionLocation(sl, &file, &loc.line, &loc.col, NULL);
	if (file) {
		name = clang_getFileName(file);
		loc.file = intern(clang_getCString(name));
		clang_disposeString(name);
	}
	return loc;
}

static unsigned file_offset(CXSourceLocation sl)
{
	unsigned off;

	clang_getExpansionLocation(sl, NULL, NULL, NULL, &off);
	return off;
}

struct ir_loc fe_loc(struct lower *l, CXCursor c)
{
	(void)l;
	return loc_of(clang_getCursorLocation(c));
}

static struct ir_loc end_loc(CXCursor c)
{
	return loc_of(clang_getRangeEnd(clang_getCursorExtent(c)));
}

struct ir_block *lower_block(struct lower *l)
{
	if (!l->cur)
		l->cur = ir_block_new(l->fn);
	return l->cur;
}

/* Ends the current block with a jump to 'to' (if it is reachable). */
static void jump(struct lower *l, struct ir_block *to, struct ir_loc loc)
{
	if (!l->cur)
		return;
	ir_set_goto(l->fn, l->cur, to);
	l->cur->term_loc = loc;
	l->cur = NULL;
}

/* Starts 'bb' as the current block, falling through from the previous one. */
static void start(struct lower *l, struct ir_block *bb, struct ir_loc loc)
{
	jump(l, bb, loc);
	l->cur = bb;
}

struct ir_var *lower_find_var(struct lower *l, CXCursor decl)
{
	unsigned h = clang_hashCursor(decl);

	for (int i = l->vars.n - 1; i >= 0; i--)
		if (l->vars.v[i].hash == h && clang_equalCursors(l->vars.v[i].cursor, decl))
			return l->vars.v[i].var;
	return NULL;
}

struct ir_var *lower_declare(struct lower *l, CXCursor decl, enum ir_var_kind kind)
{
	CXString s = clang_getCursorSpelling(decl);
	struct lower_var lv = { clang_hashCursor(decl), decl, NULL };

	lv.var = ir_var_new(l->fn, kind, clang_getCString(s), fe_type(clang_getCursorType(decl)));
	clang_disposeString(s);
	vec_push(&l->vars, lv);
	return lv.var;
}

/* --- cleanups --- */

static void scope_push(struct lower *l, CXCursor c)
{
	struct scope s = { clang_hashCursor(c), {0} };

	vec_push(&l->scopes, s);
}

static void emit_cleanup(struct lower *l, const struct cleanup *c, struct ir_loc loc)
{
	struct ir_event *ev = ir_emit(l->fn, l->cur, OP_CALL, loc);

	ev->callee = c->fn;
	ev->nargs = 1;
	ev->args = arena_alloc(l->fn->arena, sizeof(*ev->args));
	ev->args[0] = ir_addr_of(l->fn, ir_var_path(l->fn, c->var), "");
}

static void emit_cleanups(struct lower *l, struct scope *s, struct ir_loc loc)
{
	for (int i = s->cleanups.n - 1; i >= 0 && l->cur; i--)
		emit_cleanup(l, &s->cleanups.v[i], loc);
}

static void scope_pop(struct lower *l, struct ir_loc loc)
{
	struct scope *s = &l->scopes.v[l->scopes.n - 1];

	emit_cleanups(l, s, loc);
	vec_free(&s->cleanups);
	l->scopes.n--;
}

void lower_compound_begin(struct lower *l, CXCursor c)
{
	scope_push(l, c);
}

void lower_compound_end(struct lower *l, CXCursor c)
{
	scope_pop(l, end_loc(c));
}

/* Runs the cleanups of every scope deeper than 'depth' (innermost first). */
static void unwind_to(struct lower *l, int depth, struct ir_loc loc)
{
	for (int i = l->scopes.n - 1; i >= depth; i--)
		emit_cleanups(l, &l->scopes.v[i], loc);
}

/*
 * The cleanup function of a variable: from the attribute's tokens when it is
 * spelled out, else from the kernel's guard naming (class_X_t is released by
 * class_X_destructor), since a guard()'s attribute comes from a macro. An
 * attribute from a macro has a range running from the macro's definition to
 * its use, so the last "cleanup(f)" / "__free(f)" in it is the one written.
 */
/* The last "cleanup(f)" or "__free(f)" among the tokens of a range. */
static const char *cleanup_in_tokens(CXTranslationUnit tu, CXSourceRange range)
{
	CXToken *toks;
	unsigned n;
	const char *fn = NULL;

	clang_tokenize(tu, range, &toks, &n);
	for (unsigned i = 0; i + 3 < n; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *t = clang_getCString(s);
		bool is_free = !strcmp(t, "__free");	/* __free(kfree) is __free_kfree */

		if (is_free || !strcmp(t, "cleanup") || !strcmp(t, "__cleanup__") ||
		    !strcmp(t, "__cleanup")) {
			CXString p = clang_getTokenSpelling(tu, toks[i + 1]);
			CXString f = clang_getTokenSpelling(tu, toks[i + 2]);
			CXString q = clang_getTokenSpelling(tu, toks[i + 3]);

			if (!strcmp(clang_getCString(p), "(") && !strcmp(clang_getCString(q), ")") &&
			    clang_getTokenKind(toks[i + 2]) == CXToken_Identifier)
				fn = is_free ? intern(xasprintf("__free_%s", clang_getCString(f))) :
					       intern(clang_getCString(f));
			clang_disposeString(p);
			clang_disposeString(f);
			clang_disposeString(q);
		}
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, toks, n);
	return fn;
}

/*
 * The cleanup function of a variable: from the declaration's own tokens
 * (void *buf __free(kfree) = ...), else from the attribute's, else from the
 * kernel's guard naming (class_X_t is released by class_X_destructor): a
 * guard()'s attribute comes from a macro and names nothing at the use.
 */
static const char *cleanup_function(struct lower *l, CXCursor var, CXCursor attr)
{
	const char *fn = cleanup_in_tokens(l->tu->tu, clang_getCursorExtent(var));
	const char *type;
	size_t len;

	if (!fn)
		fn = cleanup_in_tokens(l->tu->tu, clang_getCursorExtent(attr));
	if (fn)
		return fn;
	type = fe_type(clang_getCursorType(var));
	len = strlen(type);
	if (!strncmp(type, "class_", 6) && len > 8 && !strcmp(type + len - 2, "_t"))
		return intern(xasprintf("%.*s_destructor", (int)(len - 2), type));
	return NULL;
}

static enum CXChildVisitResult find_cleanup_attr(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_UnexposedAttr) {
		*(CXCursor *)data = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

/* --- declarations --- */

/*
 * WARN_ON(cond), WARN_ON_ONCE(), WARN() and WARN_ONCE() keep !!(cond) in a
 * local of these names (include/asm-generic/bug.h, include/linux/once_lite.h).
 * Used as a statement, the warning is an assertion: the code goes on as if
 * cond never held (WARN_ON(!trylock_page(page)) on a page nobody else
 * sees, then unlock_page()), so the path where it holds ends there, like
 * BUG()'s. A warning whose value is tested (if (WARN_ON(x)) return) or
 * whose condition is a constant (default: WARN_ON_ONCE(1); return;) is an
 * error path the code handles, and is followed.
 */
static bool is_warning_assertion(struct lower *l, struct ir_var *var, CXCursor init)
{
	bool unused = l->unused_stmt_expr, constant;
	CXEvalResult r;

	l->unused_stmt_expr = false;	/* the statement's first declaration only */
	if (!unused || (strcmp(var->name, "__ret_warn_on") && strcmp(var->name, "__ret_do_once")))
		return false;
	r = clang_Cursor_Evaluate(init);
	constant = r && clang_EvalResult_getKind(r) == CXEval_Int;
	if (r)
		clang_EvalResult_dispose(r);
	return !constant;
}

static void assume_no_warning(struct lower *l, struct ir_var *var, CXCursor c)
{
	struct ir_block *warned = ir_block_new(l->fn), *go_on = ir_block_new(l->fn);
	struct ir_block *bb = lower_block(l);

	ir_set_branch(l->fn, bb, ir_var_path(l->fn, var), warned, go_on);
	bb->term_loc = fe_loc(l, c);
	warned->term = T_UNREACHABLE;
	warned->term_loc = fe_loc(l, c);
	l->cur = go_on;
}

static void lower_var_decl(struct lower *l, CXCursor c)
{
	struct ir_var *var = lower_declare(l, c, VAR_LOCAL);
	CXCursor kids[8], attr = clang_getNullCursor(), init = clang_getNullCursor();
	int n = fe_children(c, kids, 8);

	if (clang_Cursor_getStorageClass(c) == CX_SC_Static ||
	    clang_Cursor_getStorageClass(c) == CX_SC_Extern) {
		var->kind = VAR_GLOBAL;	/* initialised once, not on this path */
		return;
	}
	for (int i = 0; i < n; i++)
		if (clang_isExpression(clang_getCursorKind(kids[i])))
			init = kids[i];
	if (!clang_Cursor_isNull(init))
		lower_init(l, ir_var_path(l->fn, var), init, clang_getCursorType(c));
	if (!clang_Cursor_isNull(init) && is_warning_assertion(l, var, init) && l->cur)
		assume_no_warning(l, var, c);

	clang_visitChildren(c, find_cleanup_attr, &attr);
	if (!clang_Cursor_isNull(attr) && l->scopes.n) {
		struct cleanup cl = { var, cleanup_function(l, c, attr), fe_loc(l, c),
				      file_offset(clang_getCursorLocation(c)) };

		if (cl.fn)
			vec_push(&l->scopes.v[l->scopes.n - 1].cleanups, cl);
	}
}

static enum CXChildVisitResult decl_child(CXCursor c, CXCursor parent, CXClientData data)
{
	struct lower *l = data;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_VarDecl) {
		lower_block(l);
		lower_var_decl(l, c);
	}
	return CXChildVisit_Continue;
}

/* --- labels: collected before lowering so gotos know the target's scopes --- */

struct label_scan {
	struct lower *l;
	VEC(unsigned) chain;
};

static struct label *label_get(struct lower *l, const char *name)
{
	name = intern(name);
	for (int i = 0; i < l->labels.n; i++)
		if (l->labels.v[i].name == name)
			return &l->labels.v[i];

	struct label lb = { .name = name, .block = ir_block_new(l->fn) };

	lb.block->label = name;
	vec_push(&l->labels, lb);
	return &l->labels.v[l->labels.n - 1];
}

static enum CXChildVisitResult scan_labels(CXCursor c, CXCursor parent, CXClientData data)
{
	struct label_scan *ls = data;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (k == CXCursor_LabelStmt) {
		struct label *lb = label_get(ls->l, fe_spelling(c));

		lb->nscopes = ls->chain.n;
		lb->scopes = arena_memdup(ls->l->fn->arena, ls->chain.v, ls->chain.n * sizeof(unsigned));
		lb->offset = file_offset(clang_getCursorLocation(c));
	} else if (k == CXCursor_AddrLabelExpr) {
		CXCursor kids[1];

		/* &&label: the label is named by the LabelRef child */
		if (fe_children(c, kids, 1) == 1 && clang_getCursorKind(kids[0]) == CXCursor_LabelRef)
			label_get(ls->l, fe_spelling(kids[0]))->addr_taken = true;
	}
	if (k == CXCursor_CompoundStmt || k == CXCursor_ForStmt) {
		vec_push(&ls->chain, clang_hashCursor(c));
		clang_visitChildren(c, scan_labels, ls);
		ls->chain.n--;
		return CXChildVisit_Continue;
	}
	/* the same walk; libclang's own recursion is cheaper than a visit per node */
	return CXChildVisit_Recurse;
}

static bool label_in_scope(const struct label *lb, unsigned scope)
{
	for (int i = 0; i < lb->nscopes; i++)
		if (lb->scopes[i] == scope)
			return true;
	return false;
}

static void lower_goto(struct lower *l, CXCursor c)
{
	CXCursor ref = clang_getCursorReferenced(c);
	CXCursor kids[1];
	struct label *lb;
	int depth = 0;

	if (clang_Cursor_isNull(ref) && fe_children(c, kids, 1) == 1)
		ref = clang_getCursorReferenced(kids[0]);
	if (clang_Cursor_isNull(ref))
		return;
	lb = label_get(l, fe_spelling(ref));
	/* leave every scope that does not also enclose the label */
	while (depth < l->scopes.n && label_in_scope(lb, l->scopes.v[depth].hash))
		depth++;
	unwind_to(l, depth, fe_loc(l, c));
	/* a jump back above a declaration ends that variable's life too */
	for (int i = depth - 1; i >= 0; i--) {
		struct scope *s = &l->scopes.v[i];

		for (int k = s->cleanups.n - 1; k >= 0 && l->cur; k--)
			if (s->cleanups.v[k].offset > lb->offset)
				emit_cleanup(l, &s->cleanups.v[k], fe_loc(l, c));
	}
	jump(l, lb->block, fe_loc(l, c));
}

/* Computed goto and asm goto: any of the candidate labels, conservatively. */
static void multi_jump(struct lower *l, CXCursor c, bool addr_taken_only, bool fallthrough)
{
	struct ir_block *bb = lower_block(l), *next = NULL;
	CXTranslationUnit tu = l->tu->tu;
	CXToken *toks = NULL;
	unsigned n = 0;

	if (!addr_taken_only)
		clang_tokenize(tu, clang_getCursorExtent(c), &toks, &n);
	bb->term = T_MULTI;
	bb->term_loc = fe_loc(l, c);
	for (int i = 0; i < l->labels.n; i++) {
		struct label *lb = &l->labels.v[i];
		bool hit = addr_taken_only ? lb->addr_taken : false;

		for (unsigned t = 0; t < n && !hit; t++) {
			CXString s = clang_getTokenSpelling(tu, toks[t]);

			hit = clang_getTokenKind(toks[t]) == CXToken_Identifier &&
			      intern(clang_getCString(s)) == lb->name;
			clang_disposeString(s);
		}
		if (hit)
			ir_add_succ(l->fn, bb, lb->block);
	}
	if (toks)
		clang_disposeTokens(tu, toks, n);
	if (fallthrough) {
		next = ir_block_new(l->fn);
		ir_add_succ(l->fn, bb, next);
	} else if (!bb->nsucc) {
		/* nothing known: every label */
		for (int i = 0; i < l->labels.n; i++)
			ir_add_succ(l->fn, bb, l->labels.v[i].block);
	}
	l->cur = next;
}

static bool asm_has_goto(struct lower *l, CXCursor c)
{
	CXTranslationUnit tu = l->tu->tu;
	CXToken *toks;
	unsigned n;
	bool found = false;

	clang_tokenize(tu, clang_getCursorExtent(c), &toks, &n);
	for (unsigned i = 0; i < n && i < 4 && !found; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);

		found = !strcmp(clang_getCString(s), "goto");
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, toks, n);
	return found;
}

/* --- loops --- */

struct loop_save {
	struct ir_block *brk, *cont;
	int brk_depth, cont_depth;
};

static struct loop_save loop_enter(struct lower *l, struct ir_block *brk, struct ir_block *cont)
{
	struct loop_save s = { l->brk, l->cont, l->brk_depth, l->cont_depth };

	l->brk = brk;
	l->brk_depth = l->scopes.n;
	if (cont) {
		l->cont = cont;
		l->cont_depth = l->scopes.n;
	}
	return s;
}

static void loop_leave(struct lower *l, struct loop_save s)
{
	l->brk = s.brk;
	l->cont = s.cont;
	l->brk_depth = s.brk_depth;
	l->cont_depth = s.cont_depth;
}

static void lower_while(struct lower *l, CXCursor c)
{
	CXCursor k[2];
	struct ir_block *head = ir_block_new(l->fn), *body = ir_block_new(l->fn);
	struct ir_block *exit = ir_block_new(l->fn);
	struct loop_save save;

	if (fe_children(c, k, 2) != 2)
		return;
	start(l, head, fe_loc(l, c));
	lower_cond(l, k[0], body, exit);
	l->cur = body;
	save = loop_enter(l, exit, head);
	lower_stmt(l, k[1]);
	loop_leave(l, save);
	jump(l, head, fe_loc(l, c));
	l->cur = exit;
}

static void lower_do(struct lower *l, CXCursor c)
{
	CXCursor k[2];
	struct ir_block *body = ir_block_new(l->fn), *test = ir_block_new(l->fn);
	struct ir_block *exit = ir_block_new(l->fn);
	struct loop_save save;

	if (fe_children(c, k, 2) != 2)
		return;
	start(l, body, fe_loc(l, c));
	save = loop_enter(l, exit, test);
	lower_stmt(l, k[0]);
	loop_leave(l, save);
	start(l, test, fe_loc(l, k[1]));
	lower_cond(l, k[1], body, exit);
	l->cur = exit;
}

static bool is_side_effect(CXCursor e)
{
	e = fe_strip(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_CompoundAssignOperator:
		return true;
	case CXCursor_BinaryOperator: {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);

		return op == CXBinaryOperator_Assign || op == CXBinaryOperator_Comma;
	}
	case CXCursor_UnaryOperator: {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(e);

		return op >= CXUnaryOperator_PostInc && op <= CXUnaryOperator_PreDec;
	}
	case CXCursor_CallExpr:
		return clang_getCursorType(e).kind == CXType_Void;
	default:
		return false;
	}
}

/* Is the cursor written in a macro's body (its tokens are not where it expands)? */
static bool from_macro(CXCursor c)
{
	CXSourceLocation sl = clang_getCursorLocation(c);
	CXFile f1, f2;
	unsigned o1, o2;

	clang_getExpansionLocation(sl, &f1, NULL, NULL, &o1);
	clang_getSpellingLocation(sl, &f2, NULL, NULL, &o2);
	return o1 != o2 || !clang_File_isEqual(f1, f2);
}

/*
 * libclang omits absent for-clauses, so which child is init, cond or inc is
 * read from the positions of the two ';' when the loop is spelled in the
 * file, and guessed from the clauses' shape when it comes from a macro.
 */
static void for_clauses(struct lower *l, CXCursor c, CXCursor *kids, int n, CXCursor out[3])
{
	CXTranslationUnit tu = l->tu->tu;
	CXToken *toks;
	unsigned ntok, semi[2], nsemi = 0;
	int depth = 0;

	out[0] = out[1] = out[2] = clang_getNullCursor();
	if (from_macro(c))
		ntok = 0, toks = NULL;
	else
		clang_tokenize(tu, clang_getCursorExtent(c), &toks, &ntok);
	for (unsigned i = 0; i < ntok && nsemi < 2; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *t = clang_getCString(s);

		if (i == 0 && strcmp(t, "for"))
			i = ntok;
		else if (!strcmp(t, "("))
			depth++;
		else if (!strcmp(t, ")"))
			depth--;
		else if (!strcmp(t, ";") && depth == 1)
			semi[nsemi++] = file_offset(clang_getTokenLocation(tu, toks[i]));
		clang_disposeString(s);
	}
	if (toks)
		clang_disposeTokens(tu, toks, ntok);

	if (nsemi == 2) {
		for (int i = 0; i < n; i++) {
			unsigned off = file_offset(clang_getCursorLocation(kids[i]));
			CXSourceRange r = clang_getCursorExtent(kids[i]);
			unsigned start_off = file_offset(clang_getRangeStart(r));

			if (start_off < off)
				off = start_off;
			out[off < semi[0] ? 0 : off < semi[1] ? 1 : 2] = kids[i];
		}
		return;
	}
	/* from a macro: init precedes cond precedes inc */
	int i = 0;

	if (i < n && (clang_getCursorKind(kids[i]) == CXCursor_DeclStmt ||
		      (n >= 2 && is_side_effect(kids[i]))))
		out[0] = kids[i++];
	if (i < n && !is_side_effect(kids[i]))
		out[1] = kids[i++];
	if (i < n)
		out[2] = kids[i++];
}

static void lower_for(struct lower *l, CXCursor c)
{
	CXCursor kids[4], cl[3];
	int n = fe_children(c, kids, 4);
	struct ir_block *head = ir_block_new(l->fn), *body = ir_block_new(l->fn);
	struct ir_block *inc = ir_block_new(l->fn), *exit = ir_block_new(l->fn);
	struct loop_save save;

	if (n < 1)
		return;
	for_clauses(l, c, kids, n - 1, cl);
	scope_push(l, c);	/* for (T x = ...; ...) and scoped_guard() */
	if (!clang_Cursor_isNull(cl[0])) {
		lower_block(l);
		lower_stmt(l, cl[0]);
	}
	start(l, head, fe_loc(l, c));
	if (!clang_Cursor_isNull(cl[1]))
		lower_cond(l, cl[1], body, exit);
	else
		jump(l, body, fe_loc(l, c));
	l->cur = body;
	save = loop_enter(l, exit, inc);
	lower_stmt(l, kids[n - 1]);
	loop_leave(l, save);
	start(l, inc, fe_loc(l, c));
	if (!clang_Cursor_isNull(cl[2]))
		lower_expr(l, cl[2]);
	jump(l, head, fe_loc(l, c));
	l->cur = exit;
	scope_pop(l, end_loc(c));
}

/* --- switch --- */

static bool case_value(CXCursor e, long long *v)
{
	CXEvalResult r = clang_Cursor_Evaluate(e);
	bool ok = r && clang_EvalResult_getKind(r) == CXEval_Int;

	if (ok)
		*v = clang_EvalResult_getAsLongLong(r);
	if (r)
		clang_EvalResult_dispose(r);
	return ok;
}

static void lower_case(struct lower *l, CXCursor c)
{
	CXCursor k[3];
	int n = fe_children(c, k, 3);
	struct ir_block *bb = ir_block_new(l->fn);
	struct switch_case sc = { 0, 0, bb };
	bool ok;

	if (n < 2)
		return;
	ok = case_value(k[0], &sc.lo);
	sc.hi = sc.lo;
	if (n == 3)
		ok = ok && case_value(k[1], &sc.hi);
	start(l, bb, fe_loc(l, c));
	if (l->sw && ok)
		vec_push(&l->sw->cases, sc);
	else if (l->sw)		/* unknown value: reachable, no correlation */
		vec_push(&l->sw->cases, ((struct switch_case){ 1, 0, bb }));
	lower_stmt(l, k[n - 1]);
}

/* The dispatch chain: one test block per case, in source order. */
static void build_dispatch(struct lower *l, struct ir_block *from, struct ir_expr *v,
			   struct switch_ctx *sw, struct ir_block *exit, struct ir_loc loc)
{
	struct ir_block *test = from;

	for (int i = 0; i < sw->cases.n; i++) {
		struct switch_case *sc = &sw->cases.v[i];
		struct ir_block *next = ir_block_new(l->fn);
		struct ir_expr *cond;

		if (sc->lo > sc->hi) {	/* unknown label value */
			test->term = T_MULTI;
			test->nsucc = 0;
			ir_add_succ(l->fn, test, sc->block);
			ir_add_succ(l->fn, test, next);
		} else {
			if (sc->lo == sc->hi)
				cond = ir_binop(l->fn, B_EQ, v, ir_const(l->fn, sc->lo, v->type), "int");
			else	/* ranges are rare: no correlation kept */
				cond = ir_unknown(l->fn, "int");
			ir_set_branch(l->fn, test, cond, sc->block, next);
		}
		test->term_loc = loc;
		test = next;
	}
	ir_set_goto(l->fn, test, sw->deflt ? sw->deflt : exit);
	test->term_loc = loc;
}

static void lower_switch(struct lower *l, CXCursor c)
{
	CXCursor k[2];
	struct switch_ctx sw = {0}, *saved = l->sw;
	struct ir_block *from, *exit = ir_block_new(l->fn);
	struct ir_expr *v;
	struct loop_save save;

	if (fe_children(c, k, 2) != 2)
		return;
	lower_block(l);
	v = lower_expr(l, k[0]);
	from = lower_block(l);
	l->cur = NULL;
	l->sw = &sw;
	save = loop_enter(l, exit, NULL);
	lower_stmt(l, k[1]);
	loop_leave(l, save);
	l->sw = saved;
	jump(l, exit, end_loc(c));
	build_dispatch(l, from, v, &sw, exit, fe_loc(l, c));
	vec_free(&sw.cases);
	l->cur = exit;
}

/* --- statements --- */

/* Is v a variable that a cleanup on the way out receives? */
static bool is_cleanup_var(struct lower *l, const struct ir_var *v)
{
	for (int i = 0; i < l->scopes.n; i++)
		for (int k = 0; k < l->scopes.v[i].cleanups.n; k++)
			if (l->scopes.v[i].cleanups.v[k].var == v)
				return true;
	return false;
}

static void lower_return(struct lower *l, CXCursor c)
{
	CXCursor k[1];
	struct ir_expr *ret = NULL;
	struct ir_block *bb;

	lower_block(l);
	if (fe_children(c, k, 1) == 1)
		ret = lower_expr(l, k[0]);
	if (!l->cur)		/* the expression did not return (noreturn call) */
		return;
	if (ret && ret->kind == X_PATH && is_cleanup_var(l, ret->path.root)) {
		/* the value is read before the cleanups run */
		struct ir_expr *t = ir_var_path(l->fn, ir_temp_new(l->fn, ret->type));
		struct ir_event *ev = ir_emit(l->fn, l->cur, OP_ASSIGN, fe_loc(l, c));

		ev->dst = t;
		ev->src = ret;
		ret = t;
	}
	unwind_to(l, 0, fe_loc(l, c));
	bb = l->cur;
	bb->term = T_RETURN;
	bb->ret = ret;
	bb->term_loc = fe_loc(l, c);
	l->cur = NULL;
}

static enum CXChildVisitResult stmt_child(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	lower_stmt(data, c);
	return CXChildVisit_Continue;
}

static void lower_if(struct lower *l, CXCursor c)
{
	CXCursor k[3];
	int n = fe_children(c, k, 3);
	struct ir_block *t = ir_block_new(l->fn), *f = ir_block_new(l->fn);
	struct ir_block *join = n == 3 ? ir_block_new(l->fn) : f;

	if (n < 2)
		return;
	lower_block(l);
	lower_cond(l, k[0], t, f);
	l->cur = t;
	lower_stmt(l, k[1]);
	jump(l, join, end_loc(k[1]));
	if (n == 3) {
		l->cur = f;
		lower_stmt(l, k[2]);
		jump(l, join, end_loc(k[2]));
	}
	l->cur = join;
}

void lower_stmt(struct lower *l, CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor kids[1];

	switch (k) {
	case CXCursor_CompoundStmt:
		scope_push(l, c);
		clang_visitChildren(c, stmt_child, l);
		scope_pop(l, end_loc(c));
		break;
	case CXCursor_DeclStmt:
		clang_visitChildren(c, decl_child, l);
		break;
	case CXCursor_IfStmt:
		lower_if(l, c);
		break;
	case CXCursor_WhileStmt:
		lower_while(l, c);
		break;
	case CXCursor_DoStmt:
		lower_do(l, c);
		break;
	case CXCursor_ForStmt:
		lower_for(l, c);
		break;
	case CXCursor_SwitchStmt:
		lower_switch(l, c);
		break;
	case CXCursor_CaseStmt:
		lower_case(l, c);
		break;
	case CXCursor_DefaultStmt: {
		struct ir_block *bb = ir_block_new(l->fn);

		start(l, bb, fe_loc(l, c));
		if (l->sw)
			l->sw->deflt = bb;
		if (fe_children(c, kids, 1) == 1)
			lower_stmt(l, kids[0]);
		break;
	}
	case CXCursor_BreakStmt:
		if (l->brk) {
			unwind_to(l, l->brk_depth, fe_loc(l, c));
			jump(l, l->brk, fe_loc(l, c));
		}
		break;
	case CXCursor_ContinueStmt:
		if (l->cont) {
			unwind_to(l, l->cont_depth, fe_loc(l, c));
			jump(l, l->cont, fe_loc(l, c));
		}
		break;
	case CXCursor_ReturnStmt:
		lower_return(l, c);
		break;
	case CXCursor_GotoStmt:
		lower_goto(l, c);
		break;
	case CXCursor_IndirectGotoStmt:
		if (fe_children(c, kids, 1) == 1)
			lower_expr(l, kids[0]);
		multi_jump(l, c, true, false);
		break;
	case CXCursor_LabelStmt: {
		struct label *lb = label_get(l, fe_spelling(c));

		start(l, lb->block, fe_loc(l, c));
		if (fe_children(c, kids, 1) == 1)
			lower_stmt(l, kids[0]);
		break;
	}
	case CXCursor_GCCAsmStmt:
		lower_block(l);
		if (asm_has_goto(l, c))
			multi_jump(l, c, false, true);
		break;
	case CXCursor_NullStmt:
		break;
	default:
		if (clang_isExpression(k))
			lower_expr_stmt(l, c);
		break;
	}
}

static enum CXChildVisitResult param_child(CXCursor c, CXCursor parent, CXClientData data)
{
	struct lower *l = data;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_ParmDecl) {
		struct ir_var *v = lower_declare(l, c, VAR_PARAM);

		v->param_index = l->fn->nparams++;
	}
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult find_body(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_CompoundStmt) {
		*(CXCursor *)data = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

/*
 * Sparse's context annotations between the declarator and the body:
 * __releases(vmf->ptl) and __must_hold(x) say the caller holds x. They
 * expand to nothing outside sparse, so they are read from the tokens.
 */
static void read_context_annotations(struct lower *l, CXCursor fn, CXCursor body)
{
	CXTranslationUnit tu = l->tu->tu;
	CXSourceRange r = clang_getRange(clang_getRangeStart(clang_getCursorExtent(fn)),
					 clang_getRangeStart(clang_getCursorExtent(body)));
	CXToken *toks;
	unsigned n;

	clang_tokenize(tu, r, &toks, &n);
	for (unsigned i = 0; i + 3 < n; i++) {
		struct strbuf sb = {0};
		const char *kw = fe_token(tu, toks[i]);
		unsigned j;

		if ((strcmp(kw, "__releases") && strcmp(kw, "__must_hold")) ||
		    strcmp(fe_token(tu, toks[i + 1]), "("))
			continue;
		for (j = i + 2; j < n && strcmp(fe_token(tu, toks[j]), ")"); j++)
			sb_add(&sb, fe_token(tu, toks[j]));
		if (j < n && sb.len && l->fn->nheld_on_entry < 8) {
			if (!l->fn->held_on_entry)
				l->fn->held_on_entry = arena_alloc(l->fn->arena, 8 * sizeof(char *));
			l->fn->held_on_entry[l->fn->nheld_on_entry++] = intern(sb.s);
		}
		sb_free(&sb);
		i = j;
	}
	clang_disposeTokens(tu, toks, n);
}

/*
 * f(x); as a statement: its value goes nowhere, so the call gets no
 * result temporary (outcomes that differ only in an unused return value
 * are one state to the engine, not one path each).
 */
static void lower_expr_stmt(struct lower *l, CXCursor c)
{
	struct ir_expr *v;

	lower_block(l);
	l->last_call = NULL;
	l->unused_stmt_expr = clang_getCursorKind(fe_strip(c)) == CXCursor_StmtExpr;
	v = lower_expr(l, c);
	l->unused_stmt_expr = false;
	if (clang_getCursorKind(fe_strip(c)) == CXCursor_CallExpr && l->last_call &&
	    l->last_call->dst == v)
		l->last_call->dst = NULL;
}

struct ir_function *fe_lower_function(struct fe_tu *tu, CXCursor c, struct arena *arena)
{
	struct lower l = { .tu = tu };
	CXCursor body = clang_getNullCursor();
	CXString name = clang_getCursorSpelling(c);
	struct label_scan ls = { &l, {0} };

	l.fn = ir_function_new(arena, clang_getCString(name));
	clang_disposeString(name);
	l.fn->loc = fe_loc(&l, c);
	l.fn->ret_type = fe_type(clang_getResultType(clang_getCursorType(c)));
	clang_visitChildren(c, param_child, &l);
	l.fn->params = arena_alloc(arena, (l.fn->nparams + 1) * sizeof(*l.fn->params));
	for (int i = 0, p = 0; i < l.fn->nvars; i++)
		if (l.fn->vars[i]->kind == VAR_PARAM)
			l.fn->params[p++] = l.fn->vars[i];
	clang_visitChildren(c, find_body, &body);
	if (clang_Cursor_isNull(body)) {
		vec_free(&l.vars);
		return NULL;
	}
	l.fn->end_loc = end_loc(body);
	read_context_annotations(&l, c, body);
	l.cur = ir_block_new(l.fn);
	vec_push(&ls.chain, clang_hashCursor(body));	/* the body is a scope too */
	clang_visitChildren(body, scan_labels, &ls);
	vec_free(&ls.chain);
	lower_stmt(&l, body);
	if (l.cur) {		/* falling off the end */
		l.cur->term = T_RETURN;
		l.cur->term_loc = l.fn->end_loc;
	}
	for (int i = 0; i < l.fn->nblocks; i++)
		if (l.fn->blocks[i]->term == T_NONE) {	/* label never jumped to and empty */
			l.fn->blocks[i]->term = T_UNREACHABLE;
		}
	ir_function_compact(l.fn);
	vec_free(&l.vars);
	vec_free(&l.labels);
	for (int i = 0; i < l.scopes.n; i++)
		vec_free(&l.scopes.v[i].cleanups);
	vec_free(&l.scopes);
	return l.fn;
}
