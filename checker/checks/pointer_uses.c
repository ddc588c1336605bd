// SPDX-License-Identifier: GPL-2.0
/* What counts as a use of a pointer (a VMA, a PTE), shared by the checks. */
#include "check.h"

/*
 * A read through the pointer (HOOK_DEREF), or passing it to a function the
 * model does not describe (HOOK_CALL: it may read the VMA; the lock APIs and
 * lookups the model knows do not).
 */
void pointer_uses(const struct hook_args *a, pointer_use_fn use)
{
	if (!a->ev)
		return;
	if (a->expr) {
		use(a, a->expr, a->ev->loc);
		return;
	}
	if (a->api && !a->summary)
		return;
	for (int i = 0; i < a->ev->nargs; i++)
		use(a, a->ev->args[i], a->ev->loc);
}
