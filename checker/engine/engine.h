/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The engine: path-sensitive dataflow over one function's IR.
 *
 * A state is what one set of paths knows at a program point: the locks
 * held or known released, symbolic values of locations, and facts about
 * those values (constants, ranges, known bits, NULL-ness) that let later
 * branches be pruned in step with the lock calls that produced them.
 * Values are named symbols: "vma" (the entry value of vma), "vmf->vma"
 * (the value in that field at entry), "vma@12" (the value event 12
 * produced). A lock instance is the symbol of its mm, vma, folio or
 * spinlock pointer, so aliases like mm = vma->vm_mm meet on one name.
 *
 * Checks never see libclang or each other: they register hooks here and
 * read states through the accessors below.
 */
#ifndef MMLOCK_ENGINE_H
#define MMLOCK_ENGINE_H

#include "../ir/ir.h"
#include "model.h"

typedef int sym_t;
#define NO_SYM (-1)

enum lock_status {
	LS_HELD = 1,
	LS_RELEASED,		/* released by a call on this path */
	LS_NOT_TAKEN,		/* a trylock or killable acquire failed */
};

struct lock {
	enum lock_class cls;	/* LC_MMAP, LC_VMA, LC_PTL or LC_FOLIO */
	sym_t inst;
	enum lock_status status;
	enum lock_mode mode;
	bool here;		/* the last transition was made by this function */
	struct ir_loc at;	/* where that transition happened */
	const char *how;	/* what did it, e.g. "handle_mm_fault() returned VM_FAULT_RETRY" */
	const char *text;	/* the instance as written where it was taken: "vmf->ptl" */
	bool escaped;		/* handed to unknown code or stored for the caller */
	bool held_at_entry;	/* implied by this function's first action on it */
	const struct ir_event *ev;	/* the call that made the last transition */
	unsigned epoch;		/* +1 each time it is taken again after a release */
	struct ir_loc dropped_at;	/* the release before the latest acquire */
};

/* For a VMA pointer: the lock that keeps the object alive, as of its lookup. */
struct keeper {
	enum lock_class cls;	/* LC_NR: none known */
	sym_t inst;		/* the mm, the vma itself, or (LC_FAULT) the vma */
	unsigned epoch;		/* the lock's epoch when the VMA was looked up */
	struct ir_loc at;	/* where it was looked up */
	const char *how;	/* "find_vma()", "vmf->vma (fault context)" */
	bool unchecked;		/* find_vma(): may be the next VMA until vm_start is checked */
	bool unmapped;		/* a PTE pointer passed to pte_unmap() */
};

struct fact {
	sym_t sym;
	bool ptl;		/* a page-table lock pointer */
	bool has_ne;
	int64_t ne;		/* value != ne */
	int64_t lo, hi;		/* lo <= value <= hi */
	uint64_t set, clear;	/* bits known set / clear */
	struct keeper keeper;	/* VMA provenance; cls LC_NR when none */
	/* this value is the truth of "pred_sym pred_op pred_c" (bool b = flags & X) */
	sym_t pred_sym;		/* NO_SYM: none */
	int pred_op;		/* enum cmp (state.h) */
	int64_t pred_c;
};

struct binding {
	sym_t loc;		/* location name: "vma", "vmf->vma", "*ptlp" */
	sym_t val;
};

struct state {
	struct lock *locks;
	int nlocks;
	struct binding *env;
	int nenv;
	struct fact *facts;
	int nfacts;
	uint64_t hash;
	bool approx;		/* came through a join: correlations lost, report nothing */
	bool locks_approx;	/* ... and lock records may be missing (summaries must forget) */
};

/* What the engine knows about an expression's value. */
struct aval {
	sym_t sym;		/* NO_SYM for compound values */
	struct fact f;		/* facts (sym field unused) */
};

struct engine;

/* --- hooks: one per thing a check may want to see --- */

enum hook_kind {
	HOOK_ACQUIRE,		/* before a lock is taken; ->lock is the previous record or NULL */
	HOOK_RELEASE,		/* before a lock is dropped; ->lock as above */
	HOOK_CALL,		/* before a call's effects; ->api may be NULL */
	HOOK_RETURN,		/* a path leaves the function */
	HOOK_DEREF,		/* a pointer is read through; ->expr is the pointer */
	HOOK_BRANCH,		/* before a branch; ->expr is the condition, ->bb the block */
	HOOK_FUNCTION_END,	/* all paths done (not called when the engine gave up) */
	HOOK_NR
};

struct hook_args {
	struct engine *eng;
	const struct state *st;
	const struct ir_event *ev;	/* the call, for acquire/release/call */
	const struct model_api *api;
	const struct model_effect *effect;
	const struct lock *lock;	/* existing record for this instance */
	enum lock_class cls;
	sym_t inst;
	const char *inst_text;		/* the instance as written at this call */
	const struct ir_block *bb;	/* HOOK_RETURN */
	const struct aval *ret;		/* HOOK_RETURN: value returned, NULL for void */
	const struct ir_expr *expr;	/* HOOK_DEREF: the pointer */
	bool summary;			/* HOOK_CALL: ->api is a summary, not the model */
};

typedef void (*hook_fn)(const struct hook_args *a);
void engine_add_hook(enum hook_kind kind, hook_fn fn);

/*
 * Whole-TU checks (a callback and what it calls): they see the functions
 * stored in struct initialisers and can lower any function of the TU.
 */
struct tu_slot {
	const char *type;	/* "struct dev_pagemap_ops" */
	const char *field;	/* "migrate_to_ram" */
	const char *fn;		/* "dmirror_devmem_fault" */
	struct ir_loc loc;
};

struct tu_view {
	const struct model *model;
	struct ir_function *(*lower)(void *ctx, const char *name, struct arena *a);
	void *ctx;
	const struct tu_slot *slots;
	int nslots;
};

typedef void (*tu_hook_fn)(const struct tu_view *tu);
void engine_add_tu_hook(tu_hook_fn fn);
void engine_run_tu_hooks(const struct tu_view *tu);

/* --- running --- */

struct tu_slot;

struct engine_config {
	const struct model *model;
	int max_states_per_block;
	/*
	 * Widened states per block past that bound, one per shape (1: all
	 * join). Summaries keep several so each return value keeps its locks;
	 * checks join all, so fewer paths end up approximate and silent.
	 */
	int max_widened;
	long max_steps;		/* block visits before giving up */
	bool verbose;
	bool debug;		/* print states at returns */
	bool quiet;		/* no check hooks: a summary is being computed */
	bool dump_summaries;	/* print each summary as it is computed */
	/* a function the model does not know: its summary, or NULL */
	const struct model_api *(*summary)(void *ctx, const struct ir_event *call);
	void *summary_ctx;
	/* each path leaving the function, for summaries */
	void (*on_exit)(void *ctx, struct engine *eng, const struct state *st,
			const struct aval *ret);
	void *exit_ctx;
	struct engine_uncertain *uncertain;	/* if set, collects what became unknown */
	const struct tu_slot *slots;	/* functions stored in the TU's initialisers */
	int nslots;
};

/*
 * What a run could not follow, for summaries: locks that became unknown
 * (by name), and parameters handed to code nobody described (every lock
 * reachable from them may have changed).
 */
struct engine_uncertain {
	VEC(struct lock_key { enum lock_class cls; const char *name; }) locks;
	uint32_t opaque_params;
	uint32_t used_params;	/* read through, or passed where they may be */
};

/* Analyses fn; returns false when it gave up (budget) and says why in *why. */
bool engine_run(const struct engine_config *cfg, struct ir_function *fn, const char **why);

/* --- for checks --- */

const struct ir_function *engine_function(const struct engine *eng);
/* pte + pte_index(addr), ptep - 1: the pointer the arithmetic starts from. */
const struct ir_expr *engine_base_pointer(const struct ir_expr *e);
/* vma->vm_mm = mm, bound on entry for (mm, vma) parameters: not a write. */
bool engine_is_entry_binding(const struct engine *eng, sym_t loc, sym_t val);
const char *engine_sym_name(const struct engine *eng, sym_t s);
struct arena *engine_arena(struct engine *eng);
/* Per-check scratch data for the current function (zeroed at its start). */
void **engine_check_data(struct engine *eng, int check_index);

/* "mmap_lock of vma->vm_mm", "page-table lock ptl", ... */
const char *lock_describe(const struct engine *eng, enum lock_class cls, const char *text);

/*
 * The lock keeping what 'e' points to alive (a VMA, a mapped PTE), and how
 * it was obtained: its recorded provenance ("alive ... under ..." in the
 * model), the fault context's lock for vmf->vma, or for a VMA handed in the
 * mmap_lock of its own vm_mm. NULL when the engine does not know the lock's
 * state on this path (then nothing may be said).
 */
const struct lock *engine_kept_lock(struct engine *eng, const struct state *st,
				    const struct ir_expr *e, struct keeper *keeper);
bool engine_is_vma(const struct engine *eng, const struct ir_expr *e);
/* vm_start (the model's range-field), and vm_end: reading them is checking the range. */
bool engine_is_range_field(const struct engine *eng, const char *field);
/*
 * True the first time (per function) a check asks about this VMA and this
 * lock transition: one finding per stale pointer, not one per use.
 */
bool engine_first_report(struct engine *eng, const struct state *st, int check_index,
			 const struct ir_expr *vma, const struct lock *lk);

/*
 * The fault context (a struct vm_fault * parameter): is the fault running
 * under the VMA lock on this path? 1 yes, 0 no, -1 unknown, -2 no context.
 * *mmap_held says whether this path holds mmap_lock of its VMA's mm.
 */
int engine_fault_vma_locked(struct engine *eng, const struct state *st, bool *mmap_held);
/* The callback slot an indirect call goes through (migrate_to_ram), or NULL. */
const char *engine_callback_field(const struct engine *eng, const struct ir_event *ev);
const char *engine_expr_text(struct engine *eng, const struct ir_expr *e);

/* Is parameter i known NULL (1) or non-NULL (0) on this path, or not known (-1)? */
int engine_param_null(struct engine *eng, const struct state *st, int i);
/* The bits of parameter i's entry value known set / known clear on this path. */
void engine_param_bits(struct engine *eng, const struct state *st, int i, uint64_t *set,
		       uint64_t *clear);

/* Returned, or stored where a parameter or global reaches it. */
bool engine_lock_visible(struct engine *eng, const struct state *st, const struct lock *lk,
			 const struct aval *ret);

/* state.c */
const struct lock *state_find_lock(const struct state *st, enum lock_class cls, sym_t inst);
const struct fact *state_find_fact(const struct state *st, sym_t sym);
bool aval_const(const struct aval *v, int64_t *c);

#endif
