/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gate's report: the findings of the TUs a patch series touches, at
 * its base and after each patch, classified by fingerprint as new (with
 * the patch that introduced them), fixed (with the patch that fixed them)
 * or pre-existing, and written as a 0-day style text report, JSON or SARIF.
 * A baseline file and a suppression file accept findings by fingerprint.
 */
#ifndef MMLOCK_GATE_REPORT_H
#define MMLOCK_GATE_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "report.h"

/* BASE (number 0) or a patch of the series, with what the gate did there. */
struct gate_rev {
	int number;
	char *commit;		/* full id */
	char *subject;
	char **files;		/* changed by this patch, relative to the tree */
	int nfiles;
	char **tus;		/* analysed at this revision (the others kept their results) */
	int ntus;
};

enum gate_problem { GATE_OK, GATE_PARTIAL, GATE_FAILED };

/* One TU analysed at one revision. */
struct gate_result;

/*
 * Imports the JSON report the child analysing tu wrote (json; its
 * relative paths are relative to dir). root is the checkout analysed:
 * the fingerprints are computed from its files, so while it holds the
 * revision, and paths below it become relative. A missing or unreadable
 * report is a failed analysis, for the reason why; no json and no why is
 * an empty result (the TU's source is not in that revision).
 */
struct gate_result *gate_result_import(const char *json, const char *dir, const char *root,
				       const char *tu, const char *why);
enum gate_problem gate_result_problem(const struct gate_result *r, const char **why);
int gate_result_count(const struct gate_result *r);
void gate_result_free(struct gate_result *r);

struct gate_report;

/* revs[0] is BASE, revs[k] patch k of n; the report keeps the pointer. */
struct gate_report *gate_report_new(struct gate_rev *revs, int npatches);
/* r is TU's result at revision rev (the same r may serve several revisions). */
void gate_report_add(struct gate_report *g, int rev, struct gate_result *r);
/* The gate could not run in full: exit status 2, said in every format. */
void gate_report_error(struct gate_report *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Something the reader should know (a changed file not built in this configuration). */
void gate_report_info(struct gate_report *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Accepted findings, keyed by fingerprint; false with err set on a bad file. */
bool gate_report_baseline(struct gate_report *g, const char *path, struct strbuf *err);
bool gate_report_suppressions(struct gate_report *g, const char *path, struct strbuf *err);
/* Classifies; the exit status: 2 after an error, 1 if a new finding is not accepted, else 0. */
int gate_report_classify(struct gate_report *g);
/*
 * o->source_root and o->base_dir: the user's tree (the findings' paths are
 * relative to it), for SARIF's %SRCROOT%.
 */
void gate_report_write(struct gate_report *g, FILE *out, const struct report_output *o,
		       double seconds);
/* Every finding after the last patch, as a baseline file. */
bool gate_report_write_baseline(struct gate_report *g, const char *path, struct strbuf *err);
void gate_report_free(struct gate_report *g);

#endif
