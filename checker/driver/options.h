/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command line: kbuild hands $(CHECK) sparse's flags followed by the
 * compiler's c_flags (gcc's or clang's) and the file. We keep what clang
 * needs to parse like the build did (-D, -I, -include, -std, target
 * flags), drop what would write files or fail the run (-Wp,-MMD, -MD,
 * -o, -Werror), and take our own long options and -W<check-id> switches.
 * With --also-run=PROGRAM, PROGRAM gets the list as kbuild gave it, less
 * our own options, so one CHECK runs sparse and mmlock.
 */
#ifndef MMLOCK_OPTIONS_H
#define MMLOCK_OPTIONS_H

#include <stdbool.h>

#include "../report/report.h"

struct options {
	const char **clang_args;	/* for libclang */
	int nclang_args;
	const char **files;
	int nfiles;
	const char **dropped;		/* reported with --verbose */
	int ndropped;
	const char *model_file;
	const char *output;
	const char *compdb;		/* -p: tree mode over a compilation database */
	int jobs;			/* -j N */
	int tu_timeout;			/* --tu-timeout: seconds per TU; 0: the default */
	const char **passthrough;	/* our own options, for tree mode's children */
	int npassthrough;
	const char *also_run;		/* --also-run: a checker to run first (sparse) */
	const char **other_args;	/* ...with these: every argument that is not ours */
	int nother_args;
	const char *source_root;	/* --source-root, for SARIF */
	enum report_format format;
	bool verbose;
	bool dump_ir;
	bool debug_states;
	bool dump_summaries;
	bool parse_only;		/* stop after libclang's parse: the benchmark's floor */
	bool help, version;
};

/* Returns false after printing a one-line usage error. */
bool options_parse(struct options *o, int argc, char **argv);
void options_free(struct options *o);
/*
 * One of mmlock's own options (--format, --model, -W<check>, --verbose...):
 * taken into o, and into o->passthrough when a child analysis needs it.
 */
bool options_own(struct options *o, const char *arg);
void options_usage(void);

#endif
