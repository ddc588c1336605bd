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

enum report_format { FMT_TEXT, FMT_JSON };

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
};

int report_count(void);

/*
 * Tree mode: adds the findings and summary of a JSON report written by a
 * child process. Returns false if the file is not such a report.
 */
bool report_import_json(const char *path, const char *dir, struct report_summary *sum);
/* Text summary for tree mode: TUs, functions, give-ups, failures, per check. */
void report_print_summary(FILE *out, const struct report_summary *sum, double seconds);
/* Prints and forgets everything collected so far. */
void report_flush(FILE *out, enum report_format fmt, const struct report_summary *sum);

#endif
