/* SPDX-License-Identifier: GPL-2.0 */
/*
 * git, run as a program with an argument vector (never through a shell),
 * its output captured. Every run disables hooks (core.hooksPath=/dev/null),
 * fsmonitor and commit signing, so running git on a tree under test runs
 * no code from that tree or from the repository's hooks.
 */
#ifndef MMLOCK_GIT_H
#define MMLOCK_GIT_H

#include <signal.h>

#include "../util/util.h"

/* A signal handler sets *stop: a running git is ended and git_run() returns -1. */
void git_set_stop(volatile sig_atomic_t *stop);

/*
 * Runs git ARGS... in dir (NULL: here), with the extra environment
 * settings env ("NAME=value", NULL-terminated, may be NULL). Its standard
 * output goes to out and its standard error to err when they are not NULL
 * (else they are dropped). Returns git's exit status, -1 if it could not
 * be run, was killed or stopped (err then says so).
 */
int git_run(const char *dir, const char *const *args, const char *const *env,
	    struct strbuf *out, struct strbuf *err);
/* git_run() with its standard input read from the file input. */
int git_run_input(const char *dir, const char *const *args, const char *const *env,
		  const char *input, struct strbuf *out, struct strbuf *err);
/* git_run() with the arguments listed, ending with NULL. */
int git(const char *dir, struct strbuf *out, struct strbuf *err, ...) __attribute__((sentinel));

#endif
