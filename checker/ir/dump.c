// SPDX-License-Identifier: GPL-2.0
/*
 * Text form of the IR (mmlock --dump-ir). The CFG unit tests compare it
 * with golden files, so keep it stable and free of addresses.
 */
#include "ir.h"

#include <inttypes.h>

static const char *const binop_spelling[] = {
	[B_AND] = "&", [B_OR] = "|", [B_EQ] = "==", [B_NE] = "!=",
	[B_LT] = "<", [B_GT] = ">", [B_LE] = "<=", [B_GE] = ">=",
	[B_ADD] = "+", [B_SUB] = "-", [B_OTHER] = "?op",
};

const char *ir_binop_spelling(enum ir_binop op)
{
	return binop_spelling[op];
}

static void print_path(struct strbuf *sb, const struct ir_expr *e)
{
	int derefs = 0;

	/* leading '*'s for STEP_DEREF, printed outermost first */
	for (int i = 0; i < e->path.nsteps; i++)
		if (e->path.steps[i].kind == STEP_DEREF)
			derefs++;
	if (e->path.addr)
		sb_add(sb, "&");
	for (int i = 0; i < derefs; i++)
		sb_add(sb, "*");
	sb_add(sb, e->path.root->key);
	for (int i = 0; i < e->path.nsteps; i++) {
		const struct ir_step *s = &e->path.steps[i];

		switch (s->kind) {
		case STEP_ARROW:
			sb_addf(sb, "->%s", s->field);
			break;
		case STEP_DOT:
			sb_addf(sb, ".%s", s->field);
			break;
		case STEP_INDEX:
			if (s->const_index)
				sb_addf(sb, "[%lld]", (long long)s->index);
			else
				sb_add(sb, "[]");
			break;
		case STEP_DEREF:
			break;
		}
	}
}

void ir_expr_print(struct strbuf *sb, const struct ir_expr *e)
{
	if (!e) {
		sb_add(sb, "-");
		return;
	}
	switch (e->kind) {
	case X_UNKNOWN:
		sb_add(sb, "?");
		break;
	case X_CONST:
		if (e->c.name)
			sb_add(sb, e->c.name);
		else
			sb_addf(sb, "%" PRId64, e->c.value);
		break;
	case X_PATH:
		print_path(sb, e);
		break;
	case X_BINOP:
		sb_add(sb, "(");
		ir_expr_print(sb, e->bin.l);
		sb_addf(sb, " %s ", ir_binop_spelling(e->bin.op));
		ir_expr_print(sb, e->bin.r);
		sb_add(sb, ")");
		break;
	case X_NOT:
		sb_add(sb, "!");
		ir_expr_print(sb, e->not);
		break;
	}
}

static void print_event(struct strbuf *sb, const struct ir_event *ev)
{
	if (ev->dst) {
		ir_expr_print(sb, ev->dst);
		sb_add(sb, " = ");
	}
	switch (ev->op) {
	case OP_ASSIGN:
		ir_expr_print(sb, ev->src);
		break;
	case OP_DEREF:
		sb_add(sb, "deref ");
		ir_expr_print(sb, ev->src);
		break;
	case OP_CALL:
		sb_add(sb, "call ");
		if (ev->callee) {
			sb_add(sb, ev->callee);
		} else {
			sb_add(sb, "(");
			ir_expr_print(sb, ev->callee_expr);
			sb_add(sb, ")");
		}
		sb_add(sb, "(");
		for (int i = 0; i < ev->nargs; i++) {
			if (i)
				sb_add(sb, ", ");
			ir_expr_print(sb, ev->args[i]);
		}
		sb_add(sb, ")");
		break;
	}
}

void ir_function_dump(FILE *out, const struct ir_function *fn)
{
	struct strbuf sb = {0};

	fprintf(out, "function %s\n", fn->name);
	for (int i = 0; i < fn->nheld_on_entry; i++)
		fprintf(out, "  held on entry: %s\n", fn->held_on_entry[i]);
	for (int b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bb = fn->blocks[b];

		fprintf(out, "bb%d:%s%s\n", bb->id, bb->label ? " label " : "",
			bb->label ? bb->label : "");
		for (int i = 0; i < bb->nev; i++) {
			sb.len = 0;
			sb_add(&sb, "");
			print_event(&sb, &bb->ev[i]);
			fprintf(out, "  %u: %s\n", bb->ev[i].loc.line, sb.s);
		}
		sb.len = 0;
		sb_add(&sb, "");
		switch (bb->term) {
		case T_NONE:
			sb_add(&sb, "<unterminated>");
			break;
		case T_GOTO:
			sb_addf(&sb, "goto bb%d", bb->succ[0]);
			break;
		case T_BRANCH:
			sb_add(&sb, "branch ");
			ir_expr_print(&sb, bb->cond);
			sb_addf(&sb, " ? bb%d : bb%d", bb->succ[0], bb->succ[1]);
			break;
		case T_MULTI:
			sb_add(&sb, "multi");
			for (int i = 0; i < bb->nsucc; i++)
				sb_addf(&sb, " bb%d", bb->succ[i]);
			break;
		case T_RETURN:
			sb_add(&sb, "return");
			if (bb->ret) {
				sb_add(&sb, " ");
				ir_expr_print(&sb, bb->ret);
			}
			break;
		case T_UNREACHABLE:
			sb_add(&sb, "unreachable");
			break;
		}
		fprintf(out, "  %u: %s\n", bb->term_loc.line, sb.s);
	}
	sb_free(&sb);
}
