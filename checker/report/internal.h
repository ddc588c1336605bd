/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared between the report's files only: report.c collects findings and
 * notifications and writes text and JSON, sarif.c writes the same data as
 * SARIF, gate.c classifies the findings of a patch series.
 */
#ifndef MMLOCK_REPORT_INTERNAL_H
#define MMLOCK_REPORT_INTERNAL_H

#include <jansson.h>

#include "report.h"

struct note {
	struct ir_loc loc;
	char *msg;
};

struct finding {
	const char *check;	/* interned check id */
	const char *function;
	struct ir_loc loc;
	char *msg;
	VEC(struct note) notes;	/* the path explanation, in the order the check gave it */
	char *fingerprint;	/* once computed: it reads the flagged line from the file */
	/* the gate's, for JSON and SARIF; NULL elsewhere */
	const char *baseline_state;	/* SARIF's: "new", "unchanged" */
	char *suppression;	/* why the finding is accepted (baseline, suppression file) */
	json_t *properties;	/* more facts: status, the patch that introduced it */
};

struct notification {
	enum notify_kind kind;
	const char *file;	/* interned; NULL when no file is concerned */
	char *msg;
};

typedef VEC(struct finding *) finding_vec;
typedef VEC(struct notification) notification_vec;

/*
 * Stable across unrelated line shifts: the check, the file (relative to
 * root when below it), the function and the flagged line's text without
 * white space, as 16 hex digits. Relative paths are relative to base
 * (NULL: the current directory). Kept in f: later calls return the same.
 */
const char *finding_fingerprint(struct finding *f, const char *root, const char *base);
/* path made absolute (against base, or the current directory) and symlink-free if it exists */
char *report_absolute(const char *path, const char *base);
/* The part of abs below root, or NULL. */
const char *report_below(const char *abs, const char *root);
/* The finding as the JSON report gives it. */
json_t *finding_to_json(struct finding *f, const char *root, const char *base);
void finding_free(struct finding *f);
int finding_cmp(const void *pa, const void *pb);
/* "parse-failure", "parse-errors", "gave-up": the JSON and SARIF name of a kind. */
const char *notify_kind_name(enum notify_kind kind);
/* Moves everything collected so far to the caller. */
void report_take(finding_vec *findings, notification_vec *notes);

/* root: absolute source root or NULL; base as for finding_fingerprint(); run_props may be NULL */
void sarif_write(FILE *out, const struct report_output *o, const struct report_summary *sum,
		 struct finding *const *findings, int nfindings,
		 const struct notification *notes, int nnotes, json_t *run_props);

#endif
