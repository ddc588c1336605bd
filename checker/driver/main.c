// SPDX-License-Identifier: GPL-2.0
/*
 * mmlock: check mode. Parses each file like the build did, runs every
 * enabled check over every function defined in it, prints the findings.
 * Exit 0 whatever was found (make C=2 must go on); 2 for a usage error
 * or a file that could not be parsed at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../checks/check.h"
#include "../engine/engine.h"
#include "../engine/summary.h"
#include "../frontend/frontend.h"
#include "../report/report.h"
#include "options.h"
#include "tree.h"

struct run {
	struct options *opt;
	struct engine_config cfg;
	struct report_summary sum;
};

static bool lookup_constant(void *ctx, const char *name, long long *value)
{
	return fe_lookup_constant(ctx, name, value);
}

static struct ir_function *lower_for_summary(void *ctx, const char *name, struct arena *a)
{
	return fe_lower_by_name(ctx, name, a);
}

static void add_slot(void *ctx, const char *type, const char *field, const char *fn,
		     struct ir_loc loc)
{
	VEC(struct tu_slot) *slots = ctx;

	vec_push(slots, ((struct tu_slot){ type, field, fn, loc }));
}

/* Whole-TU checks: callbacks stored in initialisers and what they call. */
static void run_tu_checks(struct run *r, struct fe_tu *tu)
{
	struct tu_view view = { r->cfg.model, lower_for_summary, tu, r->cfg.slots, r->cfg.nslots };

	if (!r->opt->dump_ir)
		engine_run_tu_hooks(&view);
}

static void on_function(struct fe_tu *tu, const char *name, struct ir_function *fn,
			const char *skipped, void *data)
{
	struct run *r = data;
	const char *why;
	bool ok;

	(void)tu;
	r->sum.functions++;
	if (!fn) {
		r->sum.gave_up++;
		if (r->opt->verbose)
			fprintf(stderr, "mmlock: skipped %s(): %s\n", name, skipped);
		return;
	}
	if (r->opt->dump_ir) {
		ir_function_dump(stdout, fn);
		return;
	}
	report_begin_function(name);
	ok = engine_run(&r->cfg, fn, &why);
	report_end_function(ok);
	if (!ok) {
		r->sum.gave_up++;
		if (r->opt->verbose)
			fprintf(stderr, "mmlock: gave up on %s(): %s\n", name, why);
	}
}

/* Returns false if the file could not be analysed at all. */
static bool check_file(struct run *r, struct model *model, const char *file)
{
	struct fe_parse_result res = fe_parse(file, r->opt->clang_args, r->opt->nclang_args);
	struct arena arena = {0};
	VEC(struct tu_slot) slots = {0};

	if (r->opt->verbose)
		for (int i = 0; i < res.noption_errors; i++)
			fprintf(stderr, "mmlock: %s: ignored: %s\n", file, res.option_errors[i]);
	if (!res.tu || res.fatal) {
		fprintf(stderr, "mmlock: %s: cannot analyse: %s\n", file,
			res.first_error ? res.first_error : "parse failed");
		fe_close(res.tu);
		fe_parse_result_free(&res);
		return false;
	}
	if (r->opt->parse_only)
		goto out;
	if (res.nerrors)	/* functions holding an error are skipped, the rest analysed */
		fprintf(stderr, "mmlock: %s: %d parse error(s), functions containing them are skipped; "
			"first: %s\n", file, res.nerrors, res.first_error);
	model_resolve(model, lookup_constant, res.tu);
	fe_for_each_function_slot(res.tu, add_slot, &slots);
	r->cfg.slots = slots.v;
	r->cfg.nslots = slots.n;
	r->cfg.summary_ctx = summaries_new(&r->cfg, lower_for_summary, res.tu);
	r->cfg.summary = summaries_get;
	fe_for_each_function(res.tu, &arena, on_function, r);
	run_tu_checks(r, res.tu);
	summaries_free(r->cfg.summary_ctx);
	r->cfg.summary_ctx = NULL;
	r->cfg.summary = NULL;
	r->cfg.slots = NULL;
	r->cfg.nslots = 0;
	vec_free(&slots);
	arena_reset(&arena);
out:
	fe_close(res.tu);
	fe_parse_result_free(&res);
	return true;
}

static bool load_model(struct model *m, const struct options *o)
{
	if (!model_parse(m, mmlock_builtin_model, "<builtin model>"))
		return false;
	return !o->model_file || model_load_file(m, o->model_file);
}

int main(int argc, char **argv)
{
	struct options opt;
	struct model model = {0};
	struct run r = { .opt = &opt };
	FILE *out;
	int status = 0;

	if (!options_parse(&opt, argc, argv))
		return 2;
	if (opt.help || opt.version) {
		if (opt.help)
			options_usage();
		else
			printf("mmlock %s (libclang %s)\n", MMLOCK_VERSION, MMLOCK_LIBCLANG_VERSION);
		options_free(&opt);
		return 0;
	}
	if (opt.compdb) {	/* tree mode: each TU in a child running check mode */
		char *self = realpath("/proc/self/exe", NULL);
		int rc = tree_main(&opt, self ? self : argv[0]);

		free(self);
		options_free(&opt);
		return rc;
	}
	if (opt.verbose)
		for (int i = 0; i < opt.ndropped; i++)
			fprintf(stderr, "mmlock: dropped compiler flag %s\n", opt.dropped[i]);
	if (!load_model(&model, &opt))
		return 2;
	r.cfg = (struct engine_config){
		.model = &model, .max_states_per_block = 128, .max_steps = 200000,
		.verbose = opt.verbose, .debug = opt.debug_states,
		.dump_summaries = opt.dump_summaries,
	};
	checks_init();
	for (int i = 0; i < opt.nfiles; i++) {
		r.sum.files++;
		if (!check_file(&r, &model, opt.files[i])) {
			r.sum.parse_failures++;
			status = 2;
		}
	}
	out = opt.format == FMT_JSON ? stdout : stderr;
	if (opt.output && !(out = fopen(opt.output, "w"))) {
		fprintf(stderr, "mmlock: cannot write %s\n", opt.output);
		return 2;
	}
	report_flush(out, opt.format, &r.sum);
	if (out != stdout && out != stderr)
		fclose(out);
	model_free(&model);
	options_free(&opt);
	return status;
}
