/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-function summaries: what a function of the TU does to the locks its
 * caller can name (through its parameters), per class of return value,
 * computed by running the engine quietly on its body and written as a
 * model entry, so call sites apply a summary exactly like the model.
 */
#ifndef MMLOCK_SUMMARY_H
#define MMLOCK_SUMMARY_H

#include "engine.h"

struct summaries;

/* Lowers a function's body by name into the arena, or returns NULL. */
typedef struct ir_function *(*summary_lower_fn)(void *ctx, const char *name, struct arena *a);

struct summaries *summaries_new(const struct engine_config *cfg, summary_lower_fn lower, void *ctx);
void summaries_free(struct summaries *s);

/* For engine_config.summary: the summary of the callee, NULL if none. */
const struct model_api *summaries_get(void *summaries, const struct ir_event *call);

/* Writes the summary in the model's syntax (for --dump-summaries and tests). */
void summary_print(FILE *out, const struct model_api *api);

#endif
