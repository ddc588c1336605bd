/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MMLOCK_TREE_H
#define MMLOCK_TREE_H

#include "options.h"

/* Tree mode (-p): analyses a compilation database's TUs, one process each. */
int tree_main(const struct options *o, const char *self);

#endif
