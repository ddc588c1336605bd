/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A configured (built or prepared) kernel tree as kbuild left it: each
 * object's .NAME.o.cmd file holds the compiler command (savedcmd_) and
 * the files the object was built from (deps_, from gcc's -MMD through
 * fixdep). The gate takes both: which TUs a changed file affects, and the
 * flags to analyse them with in another checkout of the source.
 */
#ifndef MMLOCK_KBUILD_H
#define MMLOCK_KBUILD_H

#include <stdbool.h>

#include "../util/util.h"

struct kb_tu {
	char *obj;		/* as kbuild names it: "mm/madvise.o" */
	char *source;		/* relative to the source tree: "mm/madvise.c" */
	char **words;		/* the compiler command, as the shell would split it */
	int nwords;
	const char **inputs;	/* interned, relative to the source tree: the source and
				 * every dependency inside the source tree */
	int ninputs;
	char *flags_from;	/* a file no build compiled yet: whose command it borrows */
};

struct kbuild {
	char *build;		/* absolute: where kbuild ran (the object tree) */
	char *srctree;		/* absolute: the sources it built ($(srctree)) */
	VEC(struct kb_tu) tus;
};

/*
 * Reads the .o.cmd files under build whose source or dependencies name
 * one of paths (relative to the source tree, interned); every one if paths
 * is NULL (tree mode on a build directory). False, with err set, if build
 * is not a kbuild tree.
 */
bool kbuild_load(struct kbuild *kb, const char *build, const char *const *paths, int npaths,
		 struct strbuf *err);
void kbuild_free(struct kbuild *kb);

/*
 * A .c file a series adds has no .o.cmd yet: gives it the command of the
 * first TU (by name) built in the same directory, with the source, the
 * object and KBUILD_BASENAME renamed, as kbuild would build it there, and
 * the sibling's dependencies as its own (which headers it includes is not
 * known before a build). False if no TU of that directory was built.
 */
bool kbuild_borrow(struct kbuild *kb, const char *path);

/* The word of t's command that names its source, as kbuild wrote it. */
const char *kb_tu_source_word(const struct kbuild *kb, const struct kb_tu *t);

/* Does t read path (interned, relative to the source tree)? */
bool kb_tu_reads(const struct kb_tu *t, const char *path);

/*
 * The compiler arguments to analyse t with the source tree's files taken
 * from wt (an absolute path; the child runs there and is handed t->source):
 * the compiler, -c, -o and the source are dropped; include paths and
 * -include files inside the source tree move to wt, each include directory
 * followed by its twin in the build directory, where the generated headers
 * (include/generated, arch/x86/include/generated, ...) are, as an O= build
 * lists them. A header missing from wt is therefore read from the build
 * directory.
 */
char **kb_tu_args(const struct kbuild *kb, const struct kb_tu *t, const char *wt, int *argc);

#endif
