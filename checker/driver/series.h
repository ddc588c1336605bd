/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gate's input: a patch series as commits of the user's repository.
 * A range BASE..HEAD already is; an mbox or a directory of git
 * format-patch files becomes one with git am in a temporary worktree (the
 * user's checkout is never touched). Then each commit's changed files,
 * with their blobs before and after, from git diff-tree.
 */
#ifndef MMLOCK_SERIES_H
#define MMLOCK_SERIES_H

#include <stdbool.h>

#include "../util/util.h"

#define NULL_BLOB "0000000000000000000000000000000000000000"

/* A file a commit changes (a rename is a delete and an add). */
struct change {
	const char *path;	/* interned, relative to the tree */
	char old[41], new[41];	/* blobs; NULL_BLOB: absent */
};

struct patch {
	char *commit, *parent, *subject;
	VEC(struct change) changes;
};

struct series {
	char *repo;		/* the user's tree, top level */
	char *base;		/* full commit id */
	char *base_subject;
	char *wt;		/* where git am ran (mbox, directory), or NULL */
	bool wt_added;
	VEC(struct patch) patches;
	VEC(const char *) paths;	/* every path the series changes, interned, once each */
};

/*
 * Resolves the series spec (BASE..HEAD, or an mbox or a directory applied
 * onto base_arg, or onto its base-commit: line) in the repository
 * repo_arg; tmp is a private directory for the worktree git am needs.
 * Returns 0, or 2 after saying why on stderr.
 */
int series_open(struct series *s, const char *repo_arg, const char *spec, const char *base_arg,
		const char *tmp);
/* The commit after patch k, 0 being BASE. */
const char *series_commit(const struct series *s, int k);
/* The blob path has after patch k (0: at BASE), if the series changes it; else NULL. */
const char *series_blob_at(const struct series *s, const char *path, int k);
/* Removes the worktree, if any. */
void series_close(struct series *s);
void series_free(struct series *s);

/* "mmlock gate: error: ..." on stderr; returns 2 (the gate could not run). */
int gate_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
