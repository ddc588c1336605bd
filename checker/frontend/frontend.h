/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Front end: parses one translation unit with libclang and lowers function
 * bodies into IR (../ir/ir.h). Nothing outside checker/frontend includes
 * clang-c headers.
 */
#ifndef MMLOCK_FRONTEND_H
#define MMLOCK_FRONTEND_H

#include <stdbool.h>

#include "../ir/ir.h"

struct fe_tu;

struct fe_parse_result {
	struct fe_tu *tu;	/* NULL when the file could not be parsed at all */
	int nerrors;		/* errors in the source (functions holding one are skipped) */
	bool fatal;		/* e.g. a missing header: the TU is not worth analysing */
	char *first_error;	/* "file:line:col: message" of the first error, malloc'd */
	char **option_errors;	/* errors without a location: unknown flags, for --verbose */
	int noption_errors;
};

/* args are compiler arguments already translated for clang (see driver/). */
struct fe_parse_result fe_parse(const char *file, const char *const *args, int nargs);
void fe_close(struct fe_tu *tu);
void fe_parse_result_free(struct fe_parse_result *res);

const char *fe_main_file(const struct fe_tu *tu);

/*
 * Calls cb for every function defined in the main file, in source order,
 * with its IR, or with fn NULL and the reason it was skipped.
 */
typedef void (*fe_function_cb)(struct fe_tu *tu, const char *name, struct ir_function *fn,
			       const char *skipped, void *data);
void fe_for_each_function(struct fe_tu *tu, struct arena *arena, fe_function_cb cb, void *data);

/*
 * Lowers the body of a function defined anywhere in the TU (static inlines in
 * headers), for the engine's lazy use. NULL when the TU holds no body.
 */
struct ir_function *fe_lower_by_name(struct fe_tu *tu, const char *name, struct arena *arena);

/*
 * Functions stored in struct initialisers of the main file
 * (static const struct dev_pagemap_ops ops = { .migrate_to_ram = fn }):
 * cb gets the struct type ("struct dev_pagemap_ops"), the field and the
 * function's name.
 */
typedef void (*fe_slot_cb)(void *ctx, const char *type, const char *field, const char *fn,
			   struct ir_loc loc);
void fe_for_each_function_slot(struct fe_tu *tu, fe_slot_cb cb, void *ctx);

/* Value of an enum constant visible in the TU. */
bool fe_lookup_constant(struct fe_tu *tu, const char *name, long long *value);

/* Declared return type and parameter count of a function named in the TU. */
bool fe_lookup_function(struct fe_tu *tu, const char *name, const char **ret_type, int *nparams);

#endif
