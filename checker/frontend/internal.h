/* SPDX-License-Identifier: GPL-2.0 */
/* Shared between the front end's files only. */
#ifndef MMLOCK_FRONTEND_INTERNAL_H
#define MMLOCK_FRONTEND_INTERNAL_H

#include <clang-c/Index.h>

#include "frontend.h"

struct fe_named {
	const char *name;	/* interned */
	CXCursor cursor;
	long long value;	/* enum constants */
};

struct fe_tu {
	CXIndex index;
	CXTranslationUnit tu;
	const char *main_file;	/* interned */
	CXFile main_cxfile;	/* the same, as libclang's handle */
	VEC(struct fe_named) functions;	/* definitions anywhere in the TU */
	VEC(struct fe_named) decls;	/* every function declaration, by name */
	VEC(struct fe_named) constants;
	VEC(CXSourceLocation) errors;	/* error diagnostics inside the source */
	VEC(struct fe_named) noreturn_cache;	/* value: 1 if the function never returns */
	bool indexed;
};

void fe_build_index(struct fe_tu *tu);
const struct fe_named *fe_find(const void *vec, const char *name);

/* Lowering context for one function. */
struct lower_var {
	unsigned hash;
	CXCursor cursor;
	struct ir_var *var;
};

struct cleanup {
	struct ir_var *var;
	const char *fn;		/* cleanup function, interned */
	struct ir_loc loc;
	unsigned offset;	/* of the declaration, for gotos back above it */
};

struct scope {
	unsigned hash;		/* of the CompoundStmt / ForStmt cursor */
	VEC(struct cleanup) cleanups;
};

struct label {
	const char *name;
	struct ir_block *block;
	unsigned *scopes;	/* hashes of enclosing scopes, outermost first */
	int nscopes;
	unsigned offset;	/* of the label in the file */
	bool addr_taken;
};

struct switch_case {
	long long lo, hi;
	struct ir_block *block;
};

struct switch_ctx {
	VEC(struct switch_case) cases;
	struct ir_block *deflt;
};

struct lower {
	struct fe_tu *tu;
	struct ir_function *fn;
	struct ir_block *cur;	/* NULL: the current point is unreachable */
	struct ir_block *brk, *cont;
	int brk_depth, cont_depth;	/* scope depth at the loop/switch */
	struct switch_ctx *sw;
	VEC(struct lower_var) vars;
	VEC(struct scope) scopes;
	VEC(struct label) labels;
	unsigned body_hash;
	struct ir_event *last_call;	/* the call lower_call() emitted last */
	bool unused_stmt_expr;		/* lowering ({ ... }) whose value nobody reads */
};

/* lower_stmt.c */
struct ir_function *fe_lower_function(struct fe_tu *tu, CXCursor fn, struct arena *arena);
struct ir_loc fe_loc(struct lower *l, CXCursor c);
struct ir_block *lower_block(struct lower *l);
void lower_stmt(struct lower *l, CXCursor c);
void lower_compound_begin(struct lower *l, CXCursor c);
void lower_compound_end(struct lower *l, CXCursor c);
struct ir_var *lower_declare(struct lower *l, CXCursor decl, enum ir_var_kind kind);
struct ir_var *lower_find_var(struct lower *l, CXCursor decl);

/* lower_expr.c */
struct ir_expr *lower_expr(struct lower *l, CXCursor c);
void lower_cond(struct lower *l, CXCursor c, struct ir_block *t, struct ir_block *f);
void lower_init(struct lower *l, struct ir_expr *dst, CXCursor init, CXType type);
CXCursor fe_strip(CXCursor c);
const char *fe_type(CXType t);
const char *fe_spelling(CXCursor c);
const char *fe_token(CXTranslationUnit tu, CXToken t);
bool fe_in_main_file(const struct fe_tu *tu, CXCursor c);
const char *fe_type_as_written(CXType t);
int fe_children(CXCursor c, CXCursor *out, int max);

#endif
