/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tree mode (-p) and the runner it shares with the gate: every TU is
 * analysed by its own mmlock process (check mode, JSON report), -j at a
 * time, so a crash or a hang costs that file only.
 */
#ifndef MMLOCK_TREE_H
#define MMLOCK_TREE_H

#include <signal.h>
#include <sys/types.h>

#include "options.h"

/* One TU to analyse: the compiler arguments kbuild or the database gave. */
struct tu {
	const char *dir, *file;	/* the child runs in dir; file as the command names it */
	char **argv;		/* compiler arguments, without the compiler, -c and -o */
	int argc;
	pid_t pid;
	char *out;		/* its JSON report, while it runs and in done() */
	void *data;		/* the caller's */
};

struct tu_runner {
	const struct options *opt;	/* -j and the analysis options handed to each child */
	const char *self;		/* this executable */
	const char *label;		/* progress line prefix on a terminal */
	/* called as each child ends, with its wait status; t->out is its report */
	void (*done)(struct tu *t, int status, void *ctx);
	void *ctx;
	int findings;			/* for the progress line: done() keeps it */
	volatile sig_atomic_t *stop;	/* set by a signal handler: end the children, return */
};

/* How a TU's process ended, from its wait status. */
enum tu_end { TU_EXITED, TU_CRASHED, TU_TIMED_OUT };
enum tu_end tu_end_of(int status);
const char *tu_end_name(enum tu_end e);

/* Analyses tus[0..n); false if *stop ended it early (the children are reaped). */
bool tree_run(struct tu_runner *r, struct tu *tus, int n);

/* "gcc -DX='\"a b\"' -c f.c" into words, as a POSIX shell would split it. */
int tree_split_command(const char *cmd, char ***out);

/* Tree mode (-p): analyses a compilation database's TUs, one process each. */
int tree_main(const struct options *o, const char *self);

#endif
