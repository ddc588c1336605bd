// SPDX-License-Identifier: GPL-2.0
/*
 * mmlock: check mode. Parses each file like the build did, runs every
 * enabled check over every function defined in it, prints the findings.
 * Exit 0 whatever was found (make C=2 must go on); 2 for a usage error
 * or a file that could not be parsed at all. With --also-run, the other
 * checker runs first and its failure is ours: kbuild would have stopped
 * on it had it been CHECK alone.
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "../checks/check.h"
#include "../engine/engine.h"
#include "../engine/summary.h"
#include "../frontend/frontend.h"
#include "../report/report.h"
#include "gate.h"
#include "options.h"
#include "tree.h"

struct run {
	struct options *opt;
	struct engine_config cfg;
	struct report_summary sum;
	const char *file;	/* being analysed */
};

extern char **environ;

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
		why = report_notify(NOTIFY_GAVE_UP, r->file, "skipped %s(): %s", name, skipped);
		if (r->opt->verbose)
			fprintf(stderr, "mmlock: %s\n", why);
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
		/* said always: a function nobody checked must not look clean */
		why = report_notify(NOTIFY_GAVE_UP, r->file, "gave up on %s(): %s", name, why);
		fprintf(stderr, "mmlock: %s\n", why);
	}
}

/* Returns false if the file could not be analysed at all. */
/*
 * A FIFO or a device would block or never end in libclang's read; a
 * directory gives a confusing error. Said in one line, like a parse failure.
 */
static bool regular_file(const char *file)
{
	struct stat sb;
	const char *why = NULL, *msg;

	if (stat(file, &sb) != 0)
		return true;	/* libclang says what is missing, as for any header */
	if (S_ISDIR(sb.st_mode))
		why = "a directory";
	else if (!S_ISREG(sb.st_mode))
		why = "not a regular file";
	if (!why)
		return true;
	msg = report_notify(NOTIFY_PARSE_FAILURE, file, "cannot analyse: %s", why);
	fprintf(stderr, "mmlock: %s: %s\n", file, msg);
	return false;
}

static bool check_file(struct run *r, struct model *model, const char *file)
{
	struct fe_parse_result res;
	struct arena arena = {0};
	VEC(struct tu_slot) slots = {0};
	const char *msg;

	if (!regular_file(file))
		return false;
	res = fe_parse(file, r->opt->clang_args, r->opt->nclang_args);
	r->file = file;
	if (r->opt->verbose)
		for (int i = 0; i < res.noption_errors; i++)
			fprintf(stderr, "mmlock: %s: ignored: %s\n", file, res.option_errors[i]);
	if (!res.tu || res.fatal) {
		msg = report_notify(NOTIFY_PARSE_FAILURE, file, "cannot analyse: %s",
				    res.first_error ? res.first_error : "parse failed");
		fprintf(stderr, "mmlock: %s: %s\n", file, msg);
		fe_close(res.tu);
		fe_parse_result_free(&res);
		return false;
	}
	if (r->opt->parse_only)
		goto out;
	if (res.nerrors) {	/* functions holding an error are skipped, the rest analysed */
		msg = report_notify(NOTIFY_PARSE_ERRORS, file, "%d parse error(s), functions "
				    "containing them are skipped; first: %s", res.nerrors,
				    res.first_error);
		fprintf(stderr, "mmlock: %s: %s\n", file, msg);
	}
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

/*
 * --also-run: PROGRAM with the arguments that were not ours, its output
 * going where ours goes. Returns its exit status (128 + signal if killed,
 * like a shell), or 127 if it could not be started.
 */
static int also_run(const struct options *o)
{
	char **argv = xcalloc(o->nother_args + 2, sizeof(char *));
	int status, err;
	pid_t pid;

	argv[0] = (char *)o->also_run;
	for (int i = 0; i < o->nother_args; i++)
		argv[i + 1] = (char *)o->other_args[i];
	fflush(NULL);
	err = posix_spawnp(&pid, o->also_run, NULL, NULL, argv, environ);
	free(argv);
	if (err) {
		fprintf(stderr, "mmlock: --also-run: cannot run '%s': %s\n", o->also_run, strerror(err));
		return 127;
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			fprintf(stderr, "mmlock: --also-run: lost '%s': %s\n", o->also_run,
				strerror(errno));
			return 127;
		}
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "mmlock: --also-run: '%s' was killed by signal %d\n", o->also_run,
			WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
	struct options opt;
	struct model model = {0};
	struct run r = { .opt = &opt };
	struct report_output how;
	FILE *out;
	int status = 0, other = 0;

	if (argc > 1 && !strcmp(argv[1], "gate")) {	/* mmlock gate ...: docs/gate.md */
		char *self = realpath("/proc/self/exe", NULL);
		int rc = gate_main(argc - 1, argv + 1, self ? self : argv[0]);

		free(self);
		return rc;
	}
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
	if (opt.also_run)	/* first, as kbuild would have run it */
		other = also_run(&opt);
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
	out = opt.format == FMT_TEXT ? stderr : stdout;
	if (opt.output && !(out = fopen(opt.output, "w"))) {
		fprintf(stderr, "mmlock: cannot write %s\n", opt.output);
		return 2;
	}
	how = (struct report_output){ opt.format, MMLOCK_VERSION, opt.source_root, NULL };
	report_flush(out, &how, &r.sum);
	if (out != stdout && out != stderr)
		fclose(out);
	model_free(&model);
	options_free(&opt);
	return other ? other : status;
}
