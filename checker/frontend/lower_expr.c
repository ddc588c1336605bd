// SPDX-License-Identifier: GPL-2.0
/*
 * Expressions -> side-effect-free ir_expr values plus events.
 *
 * Calls, assignments, ++/-- and loads through pointers become events in
 * the current block, in evaluation order; what is left is a value the
 * engine can evaluate: a constant, an access path, or a small operator tree
 * (&, |, ==, ..., !) over those. Short-circuit and conditional operators
 * become control flow, with a temporary holding their value.
 */
#include "internal.h"

#include <string.h>

struct kids {
	CXCursor *v;
	int n, max;
};

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData data)
{
	struct kids *k = data;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_TypeRef)
		return CXChildVisit_Continue;
	if (k->n < k->max)
		k->v[k->n] = c;
	k->n++;
	return CXChildVisit_Continue;
}

/* Children other than type references; returns how many there are. */
int fe_children(CXCursor c, CXCursor *out, int max)
{
	struct kids k = { out, 0, max };

	clang_visitChildren(c, collect, &k);
	return k.n;
}

const char *fe_type(CXType t)
{
	CXString s = clang_getTypeSpelling(clang_getCanonicalType(t));
	const char *r = intern(clang_getCString(s));

	clang_disposeString(s);
	return r;
}

static bool is_gnu_conditional(CXCursor c, int nkids)
{
	return clang_getCursorKind(c) == CXCursor_UnexposedExpr && nkids == 4;
}

/* "vm_fault_t", not "unsigned int": the model tells versions apart by it. */
const char *fe_type_as_written(CXType t)
{
	CXString s = clang_getTypeSpelling(t);
	const char *r = intern(clang_getCString(s));

	clang_disposeString(s);
	return r;
}

/* Strips parentheses and casts (implicit ones are UnexposedExpr). */
CXCursor fe_strip(CXCursor c)
{
	for (;;) {
		CXCursor k[4];
		enum CXCursorKind kind = clang_getCursorKind(c);
		int n;

		if (kind != CXCursor_UnexposedExpr && kind != CXCursor_ParenExpr &&
		    kind != CXCursor_CStyleCastExpr)
			return c;
		n = fe_children(c, k, 4);
		if (n < 1 || n > 4 || is_gnu_conditional(c, n) || (n > 1 && kind != CXCursor_CStyleCastExpr))
			return c;
		c = k[n - 1];
	}
}

static const char *type_of(CXCursor c)
{
	return fe_type(clang_getCursorType(c));
}

/* The cursor's name, interned: the one helper for it in the front end. */
const char *fe_spelling(CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *r = intern(clang_getCString(s));

	clang_disposeString(s);
	return r;
}

/* A token's text, interned. */
const char *fe_token(CXTranslationUnit tu, CXToken t)
{
	CXString s = clang_getTokenSpelling(tu, t);
	const char *r = intern(clang_getCString(s));

	clang_disposeString(s);
	return r;
}

static struct ir_expr *evaluate(struct lower *l, CXCursor c)
{
	CXEvalResult r = clang_Cursor_Evaluate(c);
	struct ir_expr *e;

	if (!r)
		return ir_unknown(l->fn, type_of(c));
	if (clang_EvalResult_getKind(r) == CXEval_Int)
		e = ir_const(l->fn, clang_EvalResult_getAsLongLong(r), type_of(c));
	else
		e = ir_unknown(l->fn, type_of(c));
	clang_EvalResult_dispose(r);
	return e;
}

static struct ir_event *emit_deref(struct lower *l, struct ir_expr *ptr, CXCursor at)
{
	struct ir_event *ev;

	if (ptr->kind != X_PATH || ptr->path.addr || !l->cur)
		return NULL;
	ev = ir_emit(l->fn, l->cur, OP_DEREF, fe_loc(l, at));
	ev->src = ptr;
	return ev;
}

static void emit_assign(struct lower *l, struct ir_expr *dst, struct ir_expr *src, CXCursor at)
{
	struct ir_event *ev;

	if (dst->kind != X_PATH || dst->path.addr || !l->cur)
		return;
	ev = ir_emit(l->fn, l->cur, OP_ASSIGN, fe_loc(l, at));
	ev->dst = dst;
	ev->src = src;
}

static struct ir_expr *temp_path(struct lower *l, const char *type)
{
	return ir_var_path(l->fn, ir_temp_new(l->fn, type));
}

/* --- references --- */

static struct ir_expr *lower_declref(struct lower *l, CXCursor c)
{
	CXCursor ref = clang_getCursorReferenced(c);
	struct ir_var *v;
	struct ir_expr *e;

	switch (clang_getCursorKind(ref)) {
	case CXCursor_VarDecl:
	case CXCursor_ParmDecl:
		v = lower_find_var(l, ref);
		if (!v)		/* globals are declared on first use */
			v = lower_declare(l, ref, VAR_GLOBAL);
		return ir_var_path(l->fn, v);
	case CXCursor_EnumConstantDecl:
		e = ir_const(l->fn, clang_getEnumConstantDeclValue(ref), type_of(c));
		e->c.name = fe_spelling(ref);
		return e;
	default:
		return ir_unknown(l->fn, type_of(c));
	}
}

/*
 * p->f and s.f. With 'addr' set (the operand of &) nothing is read through
 * p, so no deref is emitted for the last step. A member of an anonymous
 * struct or union (vma->vm_start in 6.12) is reached through an unnamed
 * field, which is not a step of the path: p->(anon).f is p->f.
 */
static bool is_anonymous_field(const char *name)
{
	return !*name || strstr(name, "(anonymous") || strstr(name, "(unnamed");
}

static struct ir_expr *lower_member_mode(struct lower *l, CXCursor c, bool addr)
{
	CXCursor k[1];
	struct ir_expr *base;
	const char *name = fe_spelling(c);
	bool anonymous = is_anonymous_field(name);
	CXType bt;

	if (fe_children(c, k, 1) != 1)
		return ir_unknown(l->fn, type_of(c));
	base = lower_expr(l, k[0]);
	bt = clang_getCanonicalType(clang_getCursorType(k[0]));
	if (bt.kind == CXType_Pointer) {
		struct ir_event *ev;

		/*
		 * (*p) as a struct value: the .f that follows makes p->f and reads
		 * p there; this node carries p's type for that deref.
		 */
		if (anonymous)
			return ir_deref(l->fn, base, base->type);
		ev = addr ? NULL : emit_deref(l, base, c);
		if (ev)
			ev->field = name;
		return ir_path_extend(l->fn, base, STEP_ARROW, name, type_of(c));
	}
	if (anonymous)
		return base;
	if (!addr && base->kind == X_PATH && !base->path.addr && base->path.nsteps &&
	    base->path.steps[base->path.nsteps - 1].kind == STEP_DEREF) {
		/* (*p).f, from p->(anonymous).f: this is where p is read */
		struct ir_expr *ptr = arena_memdup(l->fn->arena, base, sizeof(*base));
		struct ir_block *bb = l->cur;
		struct ir_event *ev = NULL;

		ptr->path.nsteps--;
		if (!strchr(ptr->type, '*'))	/* a written (*p).f: the type of *p */
			ptr->type = intern(xasprintf("%s *", base->type));
		/* (*p).f written out already read p at the '*' */
		if (bb && bb->nev && bb->ev[bb->nev - 1].op == OP_DEREF &&
		    !bb->ev[bb->nev - 1].field && ir_expr_equal(bb->ev[bb->nev - 1].src, ptr))
			ev = &bb->ev[bb->nev - 1];
		else
			ev = emit_deref(l, ptr, c);
		if (ev)
			ev->field = name;
	}
	return ir_path_extend(l->fn, base, STEP_DOT, name, type_of(c));
}

static struct ir_expr *lower_member(struct lower *l, CXCursor c)
{
	return lower_member_mode(l, c, false);
}

/* base[idx]: only a constant index names a fixed element. */
static struct ir_expr *index_path(struct lower *l, CXCursor c, struct ir_expr *base,
				  const struct ir_expr *idx)
{
	struct ir_expr *e = ir_path_extend(l->fn, base, STEP_INDEX, NULL, type_of(c));

	if (e->kind == X_PATH && idx->kind == X_CONST) {
		e->path.steps[e->path.nsteps - 1].const_index = true;
		e->path.steps[e->path.nsteps - 1].index = idx->c.value;
	}
	return e;
}

/* The operand of &: its address is computed, nothing is loaded through it. */
static struct ir_expr *lower_address_operand(struct lower *l, CXCursor c)
{
	CXCursor k[2];

	c = fe_strip(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_MemberRefExpr:
		return lower_member_mode(l, c, true);
	case CXCursor_UnaryOperator:	/* &*p is p */
		if (clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref &&
		    fe_children(c, k, 1) == 1)
			return ir_deref(l->fn, lower_expr(l, k[0]), type_of(c));
		break;
	case CXCursor_ArraySubscriptExpr:
		if (fe_children(c, k, 2) == 2)
			return index_path(l, c, lower_expr(l, k[0]), lower_expr(l, k[1]));
		break;
	default:
		break;
	}
	return lower_expr(l, c);
}

/* --- operators --- */

static bool fold(enum CXBinaryOperatorKind op, int64_t a, int64_t b, int64_t *r)
{
	switch (op) {
	case CXBinaryOperator_Add: *r = a + b; return true;
	case CXBinaryOperator_Sub: *r = a - b; return true;
	case CXBinaryOperator_Mul: *r = a * b; return true;
	case CXBinaryOperator_Shl: *r = b >= 0 && b < 64 ? (int64_t)((uint64_t)a << b) : 0; return b >= 0 && b < 64;
	case CXBinaryOperator_Shr: *r = b >= 0 && b < 64 ? a >> b : 0; return b >= 0 && b < 64;
	case CXBinaryOperator_And: *r = a & b; return true;
	case CXBinaryOperator_Or: *r = a | b; return true;
	case CXBinaryOperator_Xor: *r = a ^ b; return true;
	case CXBinaryOperator_EQ: *r = a == b; return true;
	case CXBinaryOperator_NE: *r = a != b; return true;
	case CXBinaryOperator_LT: *r = a < b; return true;
	case CXBinaryOperator_GT: *r = a > b; return true;
	case CXBinaryOperator_LE: *r = a <= b; return true;
	case CXBinaryOperator_GE: *r = a >= b; return true;
	default: return false;
	}
}

static enum ir_binop ir_op_of(enum CXBinaryOperatorKind op)
{
	switch (op) {
	case CXBinaryOperator_And: case CXBinaryOperator_AndAssign: return B_AND;
	case CXBinaryOperator_Or: case CXBinaryOperator_OrAssign: return B_OR;
	case CXBinaryOperator_EQ: return B_EQ;
	case CXBinaryOperator_NE: return B_NE;
	case CXBinaryOperator_LT: return B_LT;
	case CXBinaryOperator_GT: return B_GT;
	case CXBinaryOperator_LE: return B_LE;
	case CXBinaryOperator_GE: return B_GE;
	case CXBinaryOperator_Add: case CXBinaryOperator_AddAssign: return B_ADD;
	case CXBinaryOperator_Sub: case CXBinaryOperator_SubAssign: return B_SUB;
	default: return B_OTHER;
	}
}

/* The value of a && b / a || b used as a value, through a temporary. */
static struct ir_expr *lower_logical_value(struct lower *l, CXCursor c)
{
	struct ir_expr *t = temp_path(l, "int");
	struct ir_block *tb = ir_block_new(l->fn), *fb = ir_block_new(l->fn);
	struct ir_block *join = ir_block_new(l->fn);

	lower_cond(l, c, tb, fb);
	l->cur = tb;
	emit_assign(l, t, ir_const(l->fn, 1, "int"), c);
	ir_set_goto(l->fn, tb, join);
	tb->term_loc = fe_loc(l, c);
	l->cur = fb;
	emit_assign(l, t, ir_const(l->fn, 0, "int"), c);
	ir_set_goto(l->fn, fb, join);
	fb->term_loc = fe_loc(l, c);
	l->cur = join;
	return t;
}

static struct ir_expr *lower_binary(struct lower *l, CXCursor c)
{
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	CXCursor k[2];
	struct ir_expr *a, *b;
	int64_t v;

	if (fe_children(c, k, 2) != 2)
		return ir_unknown(l->fn, type_of(c));
	switch (op) {
	case CXBinaryOperator_LAnd:
	case CXBinaryOperator_LOr:
		return lower_logical_value(l, c);
	case CXBinaryOperator_Comma:
		lower_expr(l, k[0]);
		return lower_expr(l, k[1]);
	case CXBinaryOperator_Assign:
		b = lower_expr(l, k[1]);
		a = lower_expr(l, k[0]);
		emit_assign(l, a, b, c);
		return a;
	default:
		break;
	}
	if (op >= CXBinaryOperator_MulAssign && op <= CXBinaryOperator_OrAssign) {
		enum ir_binop iop = ir_op_of(op);

		b = lower_expr(l, k[1]);
		a = lower_expr(l, k[0]);
		if (iop == B_AND || iop == B_OR)
			emit_assign(l, a, ir_binop(l->fn, iop, a, b, a->type), c);
		else
			emit_assign(l, a, ir_unknown(l->fn, a->type), c);
		return a;
	}
	a = lower_expr(l, k[0]);
	b = lower_expr(l, k[1]);
	if (a->kind == X_CONST && b->kind == X_CONST && fold(op, a->c.value, b->c.value, &v))
		return ir_const(l->fn, v, type_of(c));
	if (ir_op_of(op) == B_OTHER)
		return ir_unknown(l->fn, type_of(c));
	return ir_binop(l->fn, ir_op_of(op), a, b, type_of(c));
}

static struct ir_expr *lower_unary(struct lower *l, CXCursor c)
{
	enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
	CXCursor k[1];
	struct ir_expr *e;

	if (fe_children(c, k, 1) != 1)
		return ir_unknown(l->fn, type_of(c));
	if (op == CXUnaryOperator_AddrOf)
		return ir_addr_of(l->fn, lower_address_operand(l, k[0]), type_of(c));
	e = lower_expr(l, k[0]);
	switch (op) {
	case CXUnaryOperator_PostInc:
	case CXUnaryOperator_PostDec:
	case CXUnaryOperator_PreInc:
	case CXUnaryOperator_PreDec: {
		bool post = op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec;
		bool inc = op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PreInc;
		struct ir_expr *old = e, *step;

		if (e->kind != X_PATH)
			return ir_unknown(l->fn, e->type);
		if (post) {	/* !p++ tests the old p */
			old = temp_path(l, e->type);
			emit_assign(l, old, e, c);
		}
		step = ir_binop(l->fn, inc ? B_ADD : B_SUB, e, ir_const(l->fn, 1, "int"), e->type);
		emit_assign(l, e, step, c);
		return post ? old : e;
	}
	case CXUnaryOperator_AddrOf:
		return ir_addr_of(l->fn, e, type_of(c));
	case CXUnaryOperator_Deref:
		emit_deref(l, e, c);
		return ir_deref(l->fn, e, type_of(c));
	case CXUnaryOperator_LNot:
		if (e->kind == X_CONST)
			return ir_const(l->fn, !e->c.value, "int");
		return ir_not(l->fn, e);
	case CXUnaryOperator_Minus:
		return e->kind == X_CONST ? ir_const(l->fn, -e->c.value, type_of(c)) :
					    ir_unknown(l->fn, type_of(c));
	case CXUnaryOperator_Not:
		return e->kind == X_CONST ? ir_const(l->fn, ~e->c.value, type_of(c)) :
					    ir_unknown(l->fn, type_of(c));
	case CXUnaryOperator_Plus:
	case CXUnaryOperator_Extension:
		return e;
	default:
		return ir_unknown(l->fn, type_of(c));
	}
}

/* --- calls --- */

/*
 * __attribute__((noreturn)) shows in the type; C11 _Noreturn only in the
 * declaration's tokens. Answers are cached per function name.
 */
static bool is_noreturn(struct lower *l, CXCursor fn_decl, const char *name)
{
	CXTranslationUnit tu = l->tu->tu;
	CXString s = clang_getTypeSpelling(clang_getCursorType(fn_decl));
	bool r = strstr(clang_getCString(s), "noreturn") != NULL;
	struct fe_named *n;
	CXToken *toks;
	unsigned ntok;

	clang_disposeString(s);
	if (r)
		return true;
	for (int i = 0; i < l->tu->noreturn_cache.n; i++)
		if (l->tu->noreturn_cache.v[i].name == name)
			return l->tu->noreturn_cache.v[i].value;
	clang_tokenize(tu, clang_getCursorExtent(fn_decl), &toks, &ntok);
	for (unsigned i = 0; i < ntok && !r; i++) {
		CXString t = clang_getTokenSpelling(tu, toks[i]);

		r = !strcmp(clang_getCString(t), "_Noreturn");
		clang_disposeString(t);
	}
	clang_disposeTokens(tu, toks, ntok);
	vec_push(&l->tu->noreturn_cache, ((struct fe_named){ name, fn_decl, r }));
	n = &l->tu->noreturn_cache.v[l->tu->noreturn_cache.n - 1];
	return n->value;
}

static void end_unreachable(struct lower *l, CXCursor c)
{
	struct ir_block *bb = lower_block(l);

	bb->term = T_UNREACHABLE;
	bb->term_loc = fe_loc(l, c);
	l->cur = NULL;
}

static struct ir_expr *lower_call(struct lower *l, CXCursor c)
{
	CXCursor k[1], callee, ref = clang_getNullCursor();
	int nargs = clang_Cursor_getNumArguments(c);
	const char *name = NULL;
	struct ir_expr *callee_expr = NULL, **args;
	struct ir_event *ev;

	if (fe_children(c, k, 1) < 1)
		return ir_unknown(l->fn, type_of(c));
	callee = fe_strip(k[0]);
	if (clang_getCursorKind(callee) == CXCursor_DeclRefExpr) {
		ref = clang_getCursorReferenced(callee);
		if (clang_getCursorKind(ref) == CXCursor_FunctionDecl)
			name = fe_spelling(ref);
	}
	if (name == intern("__builtin_expect") && nargs >= 1)
		return lower_expr(l, clang_Cursor_getArgument(c, 0));
	if (name == intern("__builtin_constant_p"))	/* does not evaluate its argument */
		return ir_unknown(l->fn, "int");
	if (name == intern("__builtin_unreachable")) {
		end_unreachable(l, c);
		return ir_unknown(l->fn, "void");
	}
	if (!name)
		callee_expr = lower_expr(l, callee);
	if (nargs < 0)
		nargs = 0;
	args = arena_alloc(l->fn->arena, (nargs + 1) * sizeof(*args));
	for (int i = 0; i < nargs; i++)
		args[i] = lower_expr(l, clang_Cursor_getArgument(c, i));
	if (!l->cur)
		return ir_unknown(l->fn, type_of(c));

	ev = ir_emit(l->fn, l->cur, OP_CALL, fe_loc(l, c));
	l->last_call = ev;
	ev->callee = name;
	ev->callee_expr = callee_expr;
	ev->args = args;
	ev->nargs = nargs;
	if (name) {
		CXType ft = clang_getCursorType(ref);

		CXCursor def = clang_getCursorDefinition(ref);

		ev->callee_ret = fe_type_as_written(clang_getResultType(ft));
		ev->callee_nparams = clang_getNumArgTypes(ft);
		ev->callee_local = !clang_Cursor_isNull(def) &&
				   fe_in_main_file(l->tu, def);
	}
	if (clang_getCanonicalType(clang_getCursorType(c)).kind != CXType_Void)
		ev->dst = temp_path(l, type_of(c));
	if (name && is_noreturn(l, ref, name)) {
		end_unreachable(l, c);
		return ir_unknown(l->fn, type_of(c));
	}
	return ev->dst ? ev->dst : ir_unknown(l->fn, "void");
}

/* --- conditional operators --- */

static struct ir_expr *lower_ternary(struct lower *l, CXCursor c)
{
	CXCursor k[3];
	bool is_void = clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Void;
	struct ir_expr *t = is_void ? NULL : temp_path(l, type_of(c));
	struct ir_block *tb = ir_block_new(l->fn), *fb = ir_block_new(l->fn);
	struct ir_block *join = ir_block_new(l->fn);

	if (fe_children(c, k, 3) != 3)
		return ir_unknown(l->fn, type_of(c));
	lower_cond(l, k[0], tb, fb);
	for (int i = 1; i <= 2; i++) {
		struct ir_expr *v;

		l->cur = i == 1 ? tb : fb;
		v = lower_expr(l, k[i]);
		if (t)
			emit_assign(l, t, v, k[i]);
		if (l->cur) {
			ir_set_goto(l->fn, l->cur, join);
			l->cur->term_loc = fe_loc(l, c);
		}
	}
	l->cur = join;
	return t ? t : ir_unknown(l->fn, "void");
}

/* GNU x ?: y: x is evaluated once and is the value when true. */
static struct ir_expr *lower_gnu_conditional(struct lower *l, CXCursor c, CXCursor *k)
{
	struct ir_expr *t = temp_path(l, type_of(c));
	struct ir_block *fb = ir_block_new(l->fn), *join = ir_block_new(l->fn);
	struct ir_expr *v = lower_expr(l, k[0]);

	emit_assign(l, t, v, c);
	if (l->cur) {
		ir_set_branch(l->fn, l->cur, t, join, fb);
		l->cur->term_loc = fe_loc(l, c);
	}
	l->cur = fb;
	v = lower_expr(l, k[3]);
	emit_assign(l, t, v, k[3]);
	if (l->cur) {
		ir_set_goto(l->fn, l->cur, join);
		l->cur->term_loc = fe_loc(l, c);
	}
	l->cur = join;
	return t;
}

struct stmt_expr_ctx {
	struct lower *l;
	CXCursor last;
	int n, i;
};

static enum CXChildVisitResult count_child(CXCursor c, CXCursor p, CXClientData d)
{
	(void)c;
	(void)p;
	((struct stmt_expr_ctx *)d)->n++;
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult stmt_expr_child(CXCursor c, CXCursor p, CXClientData d)
{
	struct stmt_expr_ctx *ctx = d;

	(void)p;
	if (++ctx->i == ctx->n && clang_isExpression(clang_getCursorKind(c)))
		ctx->last = c;
	else
		lower_stmt(ctx->l, c);
	return CXChildVisit_Continue;
}

/* ({ ...; value; }): the statements, then the last expression's value. */
static struct ir_expr *lower_stmt_expr(struct lower *l, CXCursor c)
{
	CXCursor k[1];
	struct stmt_expr_ctx ctx = { l, clang_getNullCursor(), 0, 0 };
	struct ir_expr *v;

	if (fe_children(c, k, 1) != 1)
		return ir_unknown(l->fn, type_of(c));
	clang_visitChildren(k[0], count_child, &ctx);
	lower_compound_begin(l, k[0]);
	clang_visitChildren(k[0], stmt_expr_child, &ctx);
	if (clang_Cursor_isNull(ctx.last)) {
		v = ir_unknown(l->fn, type_of(c));
	} else {
		lower_block(l);
		v = lower_expr(l, ctx.last);
		/* keep the value across the scope's cleanups */
		if (v->kind == X_PATH && v->path.root->kind != VAR_TEMP && l->cur) {
			struct ir_expr *t = temp_path(l, v->type);

			emit_assign(l, t, v, ctx.last);
			v = t;
		}
	}
	lower_compound_end(l, k[0]);
	return v;
}

static void lower_children(struct lower *l, CXCursor c);

static enum CXChildVisitResult expr_child(CXCursor c, CXCursor p, CXClientData d)
{
	(void)p;
	if (clang_isExpression(clang_getCursorKind(c)))
		lower_expr(d, c);
	return CXChildVisit_Continue;
}

/* Unknown expression kinds: keep the side effects of the operands. */
static void lower_children(struct lower *l, CXCursor c)
{
	clang_visitChildren(c, expr_child, l);
}

struct ir_expr *lower_expr(struct lower *l, CXCursor c)
{
	CXCursor k[4];
	int n;

	lower_block(l);
	c = fe_strip(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_UnexposedExpr:
		n = fe_children(c, k, 4);
		if (is_gnu_conditional(c, n))
			return lower_gnu_conditional(l, c, k);
		lower_children(l, c);
		return ir_unknown(l->fn, type_of(c));
	case CXCursor_DeclRefExpr:
		return lower_declref(l, c);
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_UnaryExpr:	/* sizeof, alignof */
		return evaluate(l, c);
	case CXCursor_MemberRefExpr:
		return lower_member(l, c);
	case CXCursor_ArraySubscriptExpr: {
		struct ir_expr *base;

		if (fe_children(c, k, 2) != 2)
			return ir_unknown(l->fn, type_of(c));
		struct ir_expr *idx;

		base = lower_expr(l, k[0]);
		idx = lower_expr(l, k[1]);
		emit_deref(l, base, c);
		return index_path(l, c, base, idx);
	}
	case CXCursor_UnaryOperator:
		return lower_unary(l, c);
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		return lower_binary(l, c);
	case CXCursor_CallExpr:
		return lower_call(l, c);
	case CXCursor_ConditionalOperator:
		return lower_ternary(l, c);
	case CXCursor_StmtExpr:
		return lower_stmt_expr(l, c);
	default:
		lower_children(l, c);
		return ir_unknown(l->fn, type_of(c));
	}
}

static bool is_call_to(CXCursor c, const char *name)
{
	CXCursor k[1], callee;

	if (clang_getCursorKind(c) != CXCursor_CallExpr || fe_children(c, k, 1) < 1)
		return false;
	callee = fe_strip(k[0]);
	return clang_getCursorKind(callee) == CXCursor_DeclRefExpr && fe_spelling(callee) == intern(name);
}

void lower_cond(struct lower *l, CXCursor c, struct ir_block *t, struct ir_block *f)
{
	CXCursor k[3];
	struct ir_block *mid, *bb;
	struct ir_expr *e;

	lower_block(l);
	c = fe_strip(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot &&
		    fe_children(c, k, 1) == 1) {
			lower_cond(l, k[0], f, t);
			return;
		}
		break;
	case CXCursor_BinaryOperator:
		if (fe_children(c, k, 2) != 2)
			break;
		switch (clang_getCursorBinaryOperatorKind(c)) {
		case CXBinaryOperator_LAnd:
			mid = ir_block_new(l->fn);
			lower_cond(l, k[0], mid, f);
			l->cur = mid;
			lower_cond(l, k[1], t, f);
			return;
		case CXBinaryOperator_LOr:
			mid = ir_block_new(l->fn);
			lower_cond(l, k[0], t, mid);
			l->cur = mid;
			lower_cond(l, k[1], t, f);
			return;
		case CXBinaryOperator_Comma:
			lower_expr(l, k[0]);
			lower_cond(l, k[1], t, f);
			return;
		default:
			break;
		}
		break;
	case CXCursor_ConditionalOperator:
		if (fe_children(c, k, 3) == 3) {
			struct ir_block *tb = ir_block_new(l->fn), *fb = ir_block_new(l->fn);

			lower_cond(l, k[0], tb, fb);
			l->cur = tb;
			lower_cond(l, k[1], t, f);
			l->cur = fb;
			lower_cond(l, k[2], t, f);
			return;
		}
		break;
	case CXCursor_CallExpr:
		if (is_call_to(c, "__builtin_expect") && clang_Cursor_getNumArguments(c) >= 1) {
			lower_cond(l, clang_Cursor_getArgument(c, 0), t, f);
			return;
		}
		break;
	default:
		break;
	}
	e = lower_expr(l, c);
	bb = l->cur;
	if (!bb)
		return;
	if (e->kind == X_CONST)
		ir_set_goto(l->fn, bb, e->c.value ? t : f);
	else
		ir_set_branch(l->fn, bb, e, t, f);
	bb->term_loc = fe_loc(l, c);
	l->cur = NULL;
}

/* --- initialisers --- */

struct field_list {
	const char **name;
	CXType *type;
	int n, cap;
};

static enum CXVisitorResult add_field(CXCursor c, CXClientData d)
{
	struct field_list *fl = d;

	if (fl->n == fl->cap) {
		fl->cap = fl->cap ? fl->cap * 2 : 16;
		fl->name = xrealloc(fl->name, fl->cap * sizeof(*fl->name));
		fl->type = xrealloc(fl->type, fl->cap * sizeof(*fl->type));
	}
	fl->name[fl->n] = fe_spelling(c);
	fl->type[fl->n++] = clang_getCursorType(c);
	return CXVisit_Continue;
}

static void init_element(struct lower *l, struct ir_expr *dst, CXCursor e, CXType type)
{
	if (clang_getCursorKind(fe_strip(e)) == CXCursor_InitListExpr)
		lower_init(l, dst, e, type);
	else
		emit_assign(l, dst, lower_expr(l, e), e);
}

/* { .a = x, .b.c = y } and positional { x, y } into field assignments. */
static void lower_init_list(struct lower *l, struct ir_expr *dst, CXCursor list, CXType type)
{
	CXType canon = clang_getCanonicalType(type);
	struct field_list fl = {0};
	CXCursor kids[64];
	int n = fe_children(list, kids, 64), pos = 0;

	if (canon.kind != CXType_Record || n > 64) {
		lower_children(l, list);
		emit_assign(l, dst, ir_unknown(l->fn, dst->type), list);
		return;
	}
	clang_Type_visitFields(canon, add_field, &fl);
	for (int i = 0; i < n; i++) {
		CXCursor k = kids[i], sub[8];
		int ns = fe_children(k, sub, 8);
		struct ir_expr *d = dst;
		CXType ft = canon;

		if (clang_getCursorKind(k) == CXCursor_UnexposedExpr && ns >= 2 &&
		    ns <= 8 && clang_getCursorKind(sub[0]) == CXCursor_MemberRef) {
			/* designated: MemberRef... then the value */
			for (int j = 0; j < ns - 1; j++) {
				if (clang_getCursorKind(sub[j]) != CXCursor_MemberRef)
					break;
				ft = clang_getCursorType(sub[j]);
				if (!is_anonymous_field(fe_spelling(sub[j])))
					d = ir_path_extend(l->fn, d, STEP_DOT, fe_spelling(sub[j]), fe_type(ft));
			}
			init_element(l, d, sub[ns - 1], ft);
			for (int j = 0; j < fl.n; j++)
				if (fl.name[j] == fe_spelling(sub[0]))
					pos = j + 1;
			continue;
		}
		if (pos < fl.n) {
			/* { { .vma = v } } for vm_fault's anonymous struct: vmf.vma */
			if (!is_anonymous_field(fl.name[pos]))
				d = ir_path_extend(l->fn, dst, STEP_DOT, fl.name[pos], fe_type(fl.type[pos]));
			init_element(l, d, k, fl.type[pos]);
			pos++;
		} else {
			lower_expr(l, k);
		}
	}
	free(fl.name);
	free(fl.type);
}

void lower_init(struct lower *l, struct ir_expr *dst, CXCursor init, CXType type)
{
	CXCursor s = fe_strip(init);

	lower_block(l);
	if (clang_getCursorKind(s) == CXCursor_InitListExpr)
		lower_init_list(l, dst, s, type);
	else
		emit_assign(l, dst, lower_expr(l, init), init);
}
