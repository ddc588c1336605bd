/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared between the report's files only: report.c collects findings and
 * notifications and writes text and JSON, sarif.c writes the same data as
 * SARIF.
 */
#ifndef MMLOCK_REPORT_INTERNAL_H
#define MMLOCK_REPORT_INTERNAL_H

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
};

struct notification {
	enum notify_kind kind;
	const char *file;	/* interned; NULL when no file is concerned */
	char *msg;
};

/* Stable across unrelated line shifts: 16 hex digits, caller frees. */
char *finding_fingerprint(const struct finding *f);
/* "parse-failure", "parse-errors", "gave-up": the JSON and SARIF name of a kind. */
const char *notify_kind_name(enum notify_kind kind);

void sarif_write(FILE *out, const struct report_output *o, const struct report_summary *sum,
		 struct finding *const *findings, int nfindings,
		 const struct notification *notes, int nnotes);

#endif
