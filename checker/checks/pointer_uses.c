// SPDX-License-Identifier: GPL-2.0
/* What counts as a use of a pointer (a VMA, a PTE), shared by the checks. */
#include "check.h"

/*
 * A read through the pointer (HOOK_DEREF), or passing it to a function the
 * model does not describe (HOOK_CALL: it may read it; the lock APIs and
 * lookups the model knows do not; a summarised function only where its
 * summary says it reads that argument).
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
	/* a summarised callee says which of its pointers it reads */
	for (int i = 0; i < a->ev->nargs; i++)
		if (!a->api || (i < 32 && (a->api->used_params & (1u << i))))
			use(a, engine_base_pointer(a->ev->args[i]), a->ev->loc);
}
