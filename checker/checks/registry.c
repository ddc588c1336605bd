// SPDX-License-Identifier: GPL-2.0
#include "check.h"

#include <string.h>

struct check checks[] = {
#define CHECK(name, id, summary) { id, summary, check_##name##_init, true },
#include "check_list.h"
#undef CHECK
};

const int nchecks = sizeof(checks) / sizeof(checks[0]);

struct check *check_find(const char *id)
{
	for (int i = 0; i < nchecks; i++)
		if (!strcmp(checks[i].id, id))
			return &checks[i];
	return NULL;
}

void checks_init(void)
{
	for (int i = 0; i < nchecks; i++)
		if (checks[i].enabled)
			checks[i].init(i);
}
