// SPDX-License-Identifier: GPL-2.0
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../checks/check.h"
#include "../util/util.h"

/* Options whose value is the next argument. */
static const char *const takes_arg[] = {
	"-include", "-imacros", "-I", "-isystem", "-iquote", "-idirafter", "-D", "-U",
	"-x", "-target", "-Xclang", "-isysroot", "--sysroot", "-iprefix",
};
/* ...of which these are dropped with their value. */
static const char *const drop_with_arg[] = {
	"-o", "-MF", "-MT", "-MQ", "--param", "-gcc-base-dir", "-multiarch-dir",
	"-Xassembler", "-Xlinker", "-Xpreprocessor",
};
/* Dropped: they write files, fail the run, or are sparse's or gcc's alone. */
static const char *const drop_prefix[] = {
	"-Wp,", "-Werror", "-MD", "-MMD", "-MP", "-MG", "-M", "--arch=", "--param=",
	"-mpreferred-stack-boundary=", "-mindirect-branch", "-fconserve-stack",
	"-fno-allow-store-data-races", "-falign-jumps=", "-mrecord-mcount",
	"-fno-var-tracking-assignments", "-fmin-function-alignment=",
	"-fsanitize-coverage", "-fno-ipa-", "-mno-fentry", "-D__STDC__", "-Wsparse",
	"-fdiagnostic-prefix", "-fmemcpy-max-count", "-fdump-", "-pg", "-save-temps",
	"-fprofile", "-ftest-coverage", "-c",
};

static bool in(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(list[i], s))
			return true;
	return false;
}

static bool has_prefix(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(list[i]);

		/* "-c" and "-M" must match whole; the rest are prefixes */
		if ((!strcmp(list[i], "-c") || !strcmp(list[i], "-M") || !strcmp(list[i], "-pg")) ?
		    !strcmp(s, list[i]) : !strncmp(s, list[i], len))
			return true;
	}
	return false;
}

static void push(const char ***v, int *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = s;
}

void options_usage(void)
{
	printf("usage: mmlock [options] [compiler flags] FILE.c...\n"
	       "       mmlock -p BUILD_DIR|compile_commands.json [-j N] [options] [PATH...]\n\n"
	       "Checks Linux mm locking (mmap_lock, VMA locks, page-table locks, folio locks).\n"
	       "Accepts the arguments kbuild passes to $(CHECK): make C=2 CHECK=mmlock\n\n"
	       "  --format=text|json|sarif  output format (text on stderr, json and\n"
	       "                       SARIF 2.1.0 on stdout)\n"
	       "  -o FILE              write the report to FILE\n"
	       "  --source-root=DIR    SARIF: give paths below DIR relative to it\n"
	       "                       (tree mode: the compilation database's directory)\n"
	       "  --also-run=PROGRAM   first run PROGRAM (e.g. sparse) with the same\n"
	       "                       arguments, less mmlock's own options\n"
	       "  -p DIR|FILE          tree mode: every TU of DIR/compile_commands.json\n"
	       "                       (or FILE; a kbuild build DIR without one: its\n"
	       "                       .o.cmd files), restricted to the PATHs given\n"
	       "  -j N                 tree mode: analyse N TUs at a time\n"
	       "  --tu-timeout=S       tree mode: a TU still running after S seconds is\n"
	       "                       stopped and counted as timed out (default 600)\n"
	       "  --model=FILE         add the lock model entries in FILE\n"
	       "  --verbose            say what was dropped, skipped or given up\n"
	       "  --dump-ir            print each function's IR instead of checking\n"
	       "  --dump-summaries     print what each summarised function does, as model entries\n"
	       "  --parse-only         parse with libclang and stop (bench/run-bench.sh's floor)\n"
	       "  -W<check>, -Wno-<check>  enable or disable a check\n"
	       "  --version, --help\n\nchecks:\n");
	for (int i = 0; i < nchecks; i++)
		printf("  %-22s %s\n", checks[i].id, checks[i].summary);
}

bool options_own(struct options *o, const char *a)
{
	struct check *c;
	bool ours = true;

	if (!strcmp(a, "--verbose") || !strcmp(a, "-v"))
		o->verbose = true;
	else if (!strcmp(a, "--version"))
		o->version = true;
	else if (!strcmp(a, "--help") || !strcmp(a, "-h"))
		o->help = true;
	else if (!strcmp(a, "--dump-ir"))
		o->dump_ir = true;
	else if (!strcmp(a, "--debug-states"))
		o->debug_states = true;
	else if (!strcmp(a, "--dump-summaries"))
		o->dump_summaries = true;
	else if (!strcmp(a, "--parse-only"))
		o->parse_only = true;
	else if (!strncmp(a, "--model=", 8))
		o->model_file = a + 8;
	else if (!strcmp(a, "--format=text"))
		o->format = FMT_TEXT;
	else if (!strcmp(a, "--format=json"))
		o->format = FMT_JSON;
	else if (!strcmp(a, "--format=sarif"))
		o->format = FMT_SARIF;
	else if (!strncmp(a, "--source-root=", 14))
		o->source_root = a + 14;
	else if (!strncmp(a, "--also-run=", 11))
		o->also_run = a + 11;
	else if (!strncmp(a, "--tu-timeout=", 13))
		o->tu_timeout = atoi(a + 13) > 0 ? atoi(a + 13) : -1;
	else if (!strncmp(a, "-Wno-", 5) && (c = check_find(a + 5)))
		c->enabled = false;
	else if (!strncmp(a, "-W", 2) && (c = check_find(a + 2)))
		c->enabled = true;
	else
		ours = false;
	/* tree mode hands the same analysis options to each TU's process */
	if (ours && strcmp(a, "--help") && strcmp(a, "--version") && strncmp(a, "--format=", 9) &&
	    strncmp(a, "--source-root=", 14) && strncmp(a, "--also-run=", 11) &&
	    strncmp(a, "--tu-timeout=", 13))
		push(&o->passthrough, &o->npassthrough, a);
	return ours;
}

bool options_parse(struct options *o, int argc, char **argv)
{
	memset(o, 0, sizeof(*o));
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (options_own(o, a))
			continue;
		if (!strncmp(a, "--format=", 9)) {
			fprintf(stderr, "mmlock: unknown format '%s' (text, json or sarif)\n", a + 9);
			return false;
		}
		if (!strcmp(a, "-p") || !strcmp(a, "-j")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "mmlock: %s needs a value\n", a);
				return false;
			}
			if (a[1] == 'p')
				o->compdb = argv[++i];
			else if ((o->jobs = atoi(argv[++i])) < 1) {
				fprintf(stderr, "mmlock: -j needs a positive number\n");
				return false;
			}
			continue;
		}
		if (!strncmp(a, "-j", 2) && a[2] >= '0' && a[2] <= '9') {
			o->jobs = atoi(a + 2);
			continue;
		}
		if (!strcmp(a, "-o")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "mmlock: -o needs a file name\n");
				return false;
			}
			/* kbuild never passes -o to CHECK; a user asking for a report file does */
			o->output = argv[++i];
			continue;
		}
		/* not ours: the other checker gets it as given, whatever we make of it */
		push(&o->other_args, &o->nother_args, a);
		if (in(drop_with_arg, ARRAY_SIZE(drop_with_arg), a) ||
		    in(takes_arg, ARRAY_SIZE(takes_arg), a)) {
			if (i + 1 < argc)
				push(&o->other_args, &o->nother_args, argv[i + 1]);
		}
		if (in(drop_with_arg, ARRAY_SIZE(drop_with_arg), a)) {
			push(&o->dropped, &o->ndropped, a);
			if (i + 1 < argc)
				push(&o->dropped, &o->ndropped, argv[++i]);
			continue;
		}
		if (in(takes_arg, ARRAY_SIZE(takes_arg), a)) {
			if (i + 1 >= argc) {
				fprintf(stderr, "mmlock: %s needs a value\n", a);
				return false;
			}
			push(&o->clang_args, &o->nclang_args, a);
			push(&o->clang_args, &o->nclang_args, argv[++i]);
			continue;
		}
		if (a[0] == '-' && a[1]) {
			if (has_prefix(a, drop_prefix, ARRAY_SIZE(drop_prefix)))
				push(&o->dropped, &o->ndropped, a);
			else
				push(&o->clang_args, &o->nclang_args, a);
			continue;
		}
		push(&o->files, &o->nfiles, a);
	}
	/* clang's own warnings are not our output; -w also defuses any -Werror left */
	push(&o->clang_args, &o->nclang_args, "-w");
	push(&o->clang_args, &o->nclang_args, "-Wno-unknown-warning-option");
	if (!o->nfiles && !o->help && !o->version && !o->compdb) {
		fprintf(stderr, "mmlock: no input files (try --help)\n");
		return false;
	}
	if (o->tu_timeout < 0) {
		fprintf(stderr, "mmlock: --tu-timeout needs a positive number of seconds\n");
		return false;
	}
	if (o->also_run && (o->compdb || !o->also_run[0])) {
		fprintf(stderr, "mmlock: --also-run needs a program and is for kbuild's CHECK, not -p\n");
		return false;
	}
	return true;
}

void options_free(struct options *o)
{
	free(o->clang_args);
	free(o->files);
	free(o->dropped);
	free(o->passthrough);
	free(o->other_args);
}
