/* SPDX-License-Identifier: GPL-2.0 */
/* State operations, private to the engine (checks use engine.h accessors). */
#ifndef MMLOCK_STATE_H
#define MMLOCK_STATE_H

#include "engine.h"

struct state *state_new(struct arena *a);
struct state *state_copy(struct arena *a, const struct state *st);
bool state_equal(const struct state *a, const struct state *b);
uint64_t state_hash(const struct state *st);
bool state_same_locks(const struct state *a, const struct state *b);
bool state_same_shape(const struct state *a, const struct state *b);

/* Locks: records are replaced, never mutated in place (states share nothing). */
void state_set_lock(struct arena *a, struct state *st, const struct lock *lk);
void state_drop_lock(struct state *st, enum lock_class cls, sym_t inst);
void state_drop_class(struct state *st, enum lock_class cls, sym_t except);
void state_sort_locks(struct state *st);

sym_t state_env_get(const struct state *st, sym_t loc);
void state_env_set(struct arena *a, struct state *st, sym_t loc, sym_t val);

/* Facts: an unconstrained value has no record. */
void fact_init(struct fact *f, sym_t sym);
bool fact_is_trivial(const struct fact *f);
struct fact state_get_fact(const struct state *st, sym_t sym);
void state_put_fact(struct arena *a, struct state *st, const struct fact *f);
void state_forget_fact(struct state *st, sym_t sym);

/* Refinement: false when the result is impossible. */
enum cmp { CMP_EQ, CMP_NE, CMP_LT, CMP_GT, CMP_LE, CMP_GE, CMP_ANYBIT, CMP_NOBIT };
bool fact_refine(struct fact *f, enum cmp op, int64_t c);
enum cmp cmp_negate(enum cmp op);

/* Three-valued evaluation: 1 true, 0 false, -1 unknown. */
int fact_test(const struct fact *f, enum cmp op, int64_t c);

/* Keeps what both states agree on; the rest becomes unknown. */
struct state *state_join(struct arena *a, const struct state *x, const struct state *y,
			 sym_t (*fresh)(void *ctx, sym_t loc), void *ctx);

#endif
