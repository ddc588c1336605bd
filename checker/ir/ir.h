/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmlock's own IR: one control-flow graph per function, each basic block a
 * list of events (call, assign, dereference) ended by a terminator.
 *
 * The front end lowers libclang cursors into this form; everything after it
 * (engine, checks, report) sees only these structures, so the engine can be
 * unit-tested on hand-built IR and never includes clang-c.
 *
 * Invariants:
 *  - block 0 is the entry; blocks are numbered in creation order;
 *  - branches have exactly two successors, taken when ->cond is true/false;
 *    switch, &&, ||, ?: are lowered into branches;
 *  - expressions are side-effect free: calls and assignments inside an
 *    expression become events and temporaries ($tN) before its use;
 *  - access paths are normalised: casts and parentheses stripped, (*p).f
 *    is p->f, &*p is p.
 *  - all names are interned (compare with ==).
 */
#ifndef MMLOCK_IR_H
#define MMLOCK_IR_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../util/util.h"

struct ir_loc {
	const char *file;	/* interned; NULL for "unknown" */
	unsigned line, col;
};

enum ir_var_kind { VAR_LOCAL, VAR_PARAM, VAR_GLOBAL, VAR_TEMP };

struct ir_var {
	const char *name;	/* as written, "$tN" for temporaries */
	const char *key;	/* unique in the function: name, or name#N if shadowed */
	const char *type;	/* canonical type spelling */
	enum ir_var_kind kind;
	int param_index;	/* VAR_PARAM only */
};

enum ir_step_kind {
	STEP_ARROW,		/* p->f: loads through p */
	STEP_DOT,		/* s.f */
	STEP_DEREF,		/* *p */
	STEP_INDEX,		/* p[i]: index not tracked */
};

struct ir_step {
	enum ir_step_kind kind;
	const char *field;	/* STEP_ARROW/STEP_DOT */
	bool const_index;	/* STEP_INDEX: p[3]; any other index names no fixed element */
	int64_t index;
};

enum ir_expr_kind {
	X_UNKNOWN,		/* anything not modelled */
	X_CONST,		/* integer constant (incl. NULL, enum constants) */
	X_PATH,			/* access path, optionally with & in front */
	X_BINOP,		/* l OP r, for the operators in enum ir_binop */
	X_NOT,			/* !e */
};

enum ir_binop { B_AND, B_OR, B_EQ, B_NE, B_LT, B_GT, B_LE, B_GE, B_ADD, B_SUB, B_OTHER };

struct ir_expr {
	enum ir_expr_kind kind;
	const char *type;	/* canonical type spelling of the expression */
	union {
		struct {
			int64_t value;
			const char *name;	/* enum constant name, if any */
		} c;
		struct {
			struct ir_var *root;
			struct ir_step *steps;
			int nsteps;
			bool addr;	/* &path */
		} path;
		struct {
			enum ir_binop op;
			struct ir_expr *l, *r;
		} bin;
		struct ir_expr *not;
	};
};

enum ir_op {
	OP_CALL,		/* [dst =] callee(args) */
	OP_ASSIGN,		/* dst = src */
	OP_DEREF,		/* src is a pointer read through */
};

struct ir_event {
	enum ir_op op;
	int id;			/* unique in the function, names new values */
	struct ir_loc loc;
	struct ir_expr *dst;	/* path or NULL */
	struct ir_expr *src;
	/* OP_CALL */
	const char *callee;	/* direct callee, or NULL */
	struct ir_expr *callee_expr;	/* indirect: path of the function pointer */
	const char *callee_ret;	/* declared return type of a direct callee, as written */
	int callee_nparams;	/* declared parameter count, -1 unknown */
	bool callee_local;	/* the callee is defined in the main file */
	struct ir_expr **args;
	int nargs;
	const char *field;	/* OP_DEREF of p->f: f */
};

enum ir_term_kind {
	T_NONE,			/* not yet terminated (builder only) */
	T_GOTO,			/* succ[0] */
	T_BRANCH,		/* cond ? succ[0] : succ[1] */
	T_MULTI,		/* any of succ[] (asm goto, computed goto) */
	T_RETURN,		/* leaves the function; ret may be NULL */
	T_UNREACHABLE,		/* noreturn call, __builtin_unreachable() */
};

struct ir_block {
	int id;
	struct ir_event *ev;
	int nev, cap;
	enum ir_term_kind term;
	struct ir_loc term_loc;
	struct ir_expr *cond;	/* T_BRANCH */
	struct ir_expr *ret;	/* T_RETURN */
	int *succ;
	int nsucc;
	const char *label;	/* C label that starts the block, for dumps */
};

struct ir_function {
	const char *name;
	struct ir_loc loc;
	struct ir_loc end_loc;	/* closing brace */
	const char *ret_type;
	struct ir_var **vars;
	int nvars, capvars;
	struct ir_var **params;
	int nparams;
	struct ir_block **blocks;
	int nblocks, capblocks;
	int next_event_id;
	int ntemps;
	/* sparse's __releases(x) / __must_hold(x): x is held on entry ("vmf->ptl") */
	const char **held_on_entry;
	int nheld_on_entry;
	struct arena *arena;	/* owns everything above */
};

/* Building (used by the front end and by unit tests). */
struct ir_function *ir_function_new(struct arena *a, const char *name);
struct ir_var *ir_var_new(struct ir_function *fn, enum ir_var_kind kind,
			  const char *name, const char *type);
struct ir_var *ir_temp_new(struct ir_function *fn, const char *type);
struct ir_block *ir_block_new(struct ir_function *fn);
struct ir_event *ir_emit(struct ir_function *fn, struct ir_block *bb,
			 enum ir_op op, struct ir_loc loc);
void ir_set_goto(struct ir_function *fn, struct ir_block *bb, struct ir_block *to);
void ir_set_branch(struct ir_function *fn, struct ir_block *bb, struct ir_expr *cond,
		   struct ir_block *t, struct ir_block *f);
void ir_add_succ(struct ir_function *fn, struct ir_block *bb, struct ir_block *to);

struct ir_expr *ir_const(struct ir_function *fn, int64_t value, const char *type);
struct ir_expr *ir_unknown(struct ir_function *fn, const char *type);
struct ir_expr *ir_var_path(struct ir_function *fn, struct ir_var *var);
struct ir_expr *ir_path_extend(struct ir_function *fn, const struct ir_expr *base,
			       enum ir_step_kind kind, const char *field, const char *type);
struct ir_expr *ir_addr_of(struct ir_function *fn, const struct ir_expr *e, const char *type);
struct ir_expr *ir_deref(struct ir_function *fn, const struct ir_expr *e, const char *type);
struct ir_expr *ir_binop(struct ir_function *fn, enum ir_binop op,
			 struct ir_expr *l, struct ir_expr *r, const char *type);
struct ir_expr *ir_not(struct ir_function *fn, struct ir_expr *e);

bool ir_expr_equal(const struct ir_expr *a, const struct ir_expr *b);

/* Printing: the text form is what the CFG tests compare against. */
void ir_expr_print(struct strbuf *sb, const struct ir_expr *e);
const char *ir_binop_spelling(enum ir_binop op);
void ir_function_dump(FILE *out, const struct ir_function *fn);

/* Live-in variables per block: bit (b * words + v / 64, v % 64) for vars[v]. */
uint64_t *ir_liveness(const struct ir_function *fn, int *words);

/* Removes blocks unreachable from the entry and renumbers the rest. */
void ir_function_compact(struct ir_function *fn);

#endif
