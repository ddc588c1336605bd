/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Findings: collected per function (dropped if the engine gives up on it),
 * de-duplicated across paths, and printed sorted at the end so the output
 * does not depend on the order paths were explored.
 */
#ifndef MMLOCK_REPORT_H
#define MMLOCK_REPORT_H

#include <stdio.h>

#include "../ir/ir.h"

enum report_format { FMT_TEXT, FMT_JSON, FMT_SARIF };

struct finding;

void report_begin_function(const char *function);
/* NULL when the same finding was already made on another path. */
struct finding *report_warn(const char *check, struct ir_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void report_note(struct finding *f, struct ir_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void report_end_function(bool keep);

struct report_summary {
	int files, functions, gave_up, parse_failures;
	int crashes, timeouts;		/* tree mode: TUs whose process was killed */
};

int report_count(void);

/*
 * What happened to the run rather than what is wrong in the code: a file
 * that could not be analysed (or only in part), a function given up on.
 * Kept for the JSON and SARIF reports; the text output has always said
 * these on stderr as they happen, so report_notify() returns its message
 * for the caller to print.
 */
enum notify_kind { NOTIFY_PARSE_FAILURE, NOTIFY_PARSE_ERRORS, NOTIFY_GAVE_UP };

const char *report_notify(enum notify_kind kind, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Tree mode: adds the findings and summary of a JSON report written by a
 * child process. Returns false if the file is not such a report.
 */
bool report_import_json(const char *path, const char *dir, struct report_summary *sum);
/* Text summary for tree mode: TUs, functions, give-ups, failures, per check. */
void report_print_summary(FILE *out, const struct report_summary *sum, double seconds);
/* How report_flush() prints. */
struct report_output {
	enum report_format format;
	const char *version;		/* the tool's, for SARIF */
	const char *source_root;	/* paths below it are given relative to it (SARIF) and
					 * fingerprinted so (JSON, SARIF) */
	const char *base_dir;		/* relative paths are relative to it; NULL: the
					 * current directory */
};

/* Prints and forgets everything collected so far. */
void report_flush(FILE *out, const struct report_output *o, const struct report_summary *sum);

#endif
