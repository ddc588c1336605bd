/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A check is one file with one init function that registers engine hooks.
 * check_list.h is the only list of checks: it gives the id (also the
 * -W<id>/-Wno-<id> switch), the init function and a one-line summary.
 */
#ifndef MMLOCK_CHECK_H
#define MMLOCK_CHECK_H

#include <stdbool.h>

#include "../engine/engine.h"
#include "../report/report.h"

struct check {
	const char *id;
	const char *summary;
	void (*init)(int index);
	bool enabled;
};

extern struct check checks[];
extern const int nchecks;

struct check *check_find(const char *id);

/* pointer_uses.c: calls use() for each use of a pointer at a deref or call hook. */
typedef void (*pointer_use_fn)(const struct hook_args *a, const struct ir_expr *ptr, struct ir_loc at);
void pointer_uses(const struct hook_args *a, pointer_use_fn use);
void checks_init(void);

#define CHECK(name, id, summary) void check_##name##_init(int index);
#include "check_list.h"
#undef CHECK

#endif
