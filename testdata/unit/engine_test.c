// SPDX-License-Identifier: GPL-2.0
/*
 * The engine on hand-built IR, without libclang: proves the layering and
 * pins the transfer functions down independently of the front end.
 */
#include <stdio.h>
#include <string.h>

#include "checks/check.h"
#include "engine/engine.h"
#include "report/report.h"

static int passed, failed;

static bool no_constants(void *ctx, const char *name, long long *value)
{
	(void)ctx;
	(void)name;
	(void)value;
	return false;
}

static struct ir_event *call(struct ir_function *fn, struct ir_block *bb, unsigned line,
			     const char *callee, struct ir_expr *arg, struct ir_expr *dst)
{
	struct ir_event *ev = ir_emit(fn, bb, OP_CALL, (struct ir_loc){ "t.c", line, 1 });

	ev->callee = intern(callee);
	ev->nargs = 1;
	ev->args = arena_alloc(fn->arena, sizeof(*ev->args));
	ev->args[0] = arg;
	ev->dst = dst;
	return ev;
}

static void ret(struct ir_block *bb, unsigned line)
{
	bb->term = T_RETURN;
	bb->term_loc = (struct ir_loc){ "t.c", line, 1 };
}

static void expect(const char *what, const struct engine_config *cfg, struct ir_function *fn,
		   int findings)
{
	const char *why;
	int before = report_count();

	report_begin_function(fn->name);
	if (!engine_run(cfg, fn, &why)) {
		printf("FAIL: %s: engine gave up (%s)\n", what, why);
		failed++;
		return;
	}
	report_end_function(true);
	if (report_count() - before == findings) {
		passed++;
	} else {
		printf("FAIL: %s: %d findings, expected %d\n", what, report_count() - before, findings);
		failed++;
	}
}

/* mmap_read_lock(mm); mmap_read_unlock(mm); mmap_read_unlock(mm); */
static void test_double_unlock(const struct engine_config *cfg)
{
	struct arena a = {0};
	struct ir_function *fn = ir_function_new(&a, "double_unlock");
	struct ir_var *mm = ir_var_new(fn, VAR_PARAM, "mm", "struct mm_struct *");
	struct ir_block *bb = ir_block_new(fn);

	call(fn, bb, 2, "mmap_read_lock", ir_var_path(fn, mm), NULL);
	call(fn, bb, 3, "mmap_read_unlock", ir_var_path(fn, mm), NULL);
	call(fn, bb, 4, "mmap_read_unlock", ir_var_path(fn, mm), NULL);
	ret(bb, 5);
	expect("double unlock", cfg, fn, 1);
	arena_reset(&a);
}

/* if (mmap_read_trylock(mm)) mmap_read_unlock(mm); -- the branch follows the call */
static void test_trylock_branch(const struct engine_config *cfg)
{
	struct arena a = {0};
	struct ir_function *fn = ir_function_new(&a, "trylock_branch");
	struct ir_var *mm = ir_var_new(fn, VAR_PARAM, "mm", "struct mm_struct *");
	struct ir_var *t = ir_temp_new(fn, "bool");
	struct ir_block *entry = ir_block_new(fn), *yes = ir_block_new(fn), *no = ir_block_new(fn);

	call(fn, entry, 2, "mmap_read_trylock", ir_var_path(fn, mm), ir_var_path(fn, t));
	ir_set_branch(fn, entry, ir_var_path(fn, t), yes, no);
	call(fn, yes, 3, "mmap_read_unlock", ir_var_path(fn, mm), NULL);
	ret(yes, 4);
	ret(no, 5);
	expect("trylock branch", cfg, fn, 0);
	arena_reset(&a);
}

/* the same with the branch inverted: unlocking on the failure path */
static void test_trylock_wrong_branch(const struct engine_config *cfg)
{
	struct arena a = {0};
	struct ir_function *fn = ir_function_new(&a, "trylock_wrong_branch");
	struct ir_var *mm = ir_var_new(fn, VAR_PARAM, "mm", "struct mm_struct *");
	struct ir_var *t = ir_temp_new(fn, "bool");
	struct ir_block *entry = ir_block_new(fn), *yes = ir_block_new(fn), *no = ir_block_new(fn);

	call(fn, entry, 2, "mmap_read_trylock", ir_var_path(fn, mm), ir_var_path(fn, t));
	ir_set_branch(fn, entry, ir_var_path(fn, t), yes, no);
	ret(yes, 3);
	call(fn, no, 4, "mmap_read_unlock", ir_var_path(fn, mm), NULL);
	ret(no, 5);
	expect("trylock wrong branch", cfg, fn, 2);	/* double release and leak */
	arena_reset(&a);
}

int main(void)
{
	struct model model = {0};
	struct engine_config cfg = { .model = &model, .max_states_per_block = 128, .max_steps = 100000 };

	if (!model_parse(&model, mmlock_builtin_model, "<builtin model>"))
		return 1;
	model_resolve(&model, no_constants, NULL);
	checks_init();
	test_double_unlock(&cfg);
	test_trylock_branch(&cfg);
	test_trylock_wrong_branch(&cfg);
	report_flush(stdout, &(struct report_output){ .format = FMT_TEXT }, &(struct report_summary){0});
	model_free(&model);
	printf("engine: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
