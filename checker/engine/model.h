/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock model: what each kernel API does to the four mm locks, read
 * from a text file (checker/model/mm-locks.model; --model= adds to it).
 * This header is the parsed form; the file's own comments explain the
 * syntax. C code never names a kernel API: it reads these tables.
 */
#ifndef MMLOCK_MODEL_H
#define MMLOCK_MODEL_H

#include <stdbool.h>
#include <stdint.h>

enum lock_class { LC_MMAP, LC_VMA, LC_PTL, LC_FOLIO, LC_FAULT, LC_NR };
enum lock_mode { LM_NONE, LM_READ, LM_WRITE };

/* An instance written in terms of the parameters: vma->vm_mm, *ptlp, ret. */
struct model_ref {
	int param;		/* index, or REF_RET */
	int nsteps;
	struct {
		char kind;	/* '>' for ->field, '.' for .field, '*' for deref */
		const char *field;
	} steps[4];
	const char *owner;	/* REF~f: the object whose &obj->f the value is */
};
#define REF_RET (-1)

enum cond_op { C_TRUE, C_EQ, C_NE, C_LT, C_GT, C_LE, C_GE, C_BITS, C_NOBITS };

/* ref OP value; C_BITS: "ref & value" is non-zero, C_NOBITS: it is zero. */
struct model_cond {
	enum cond_op op;
	struct model_ref ref;
	const char *const_name;	/* first name, for messages */
	const char *names[8];	/* value = OR of these enum constants (and a number) */
	int nnames;
	int64_t number;
	int64_t value;
	bool unresolved;
};

enum effect_kind {
	EF_ACQUIRE,		/* take the lock (blocking) */
	EF_TRY,			/* took it by trylock: never a double acquire */
	EF_RELEASE,
	EF_DOWNGRADE,		/* write -> read */
	EF_ASSERT,		/* the lock is held here, by contract */
	EF_RELOCK,		/* dropped and re-taken inside the call */
	EF_MARK_PTL,		/* the value is a page-table lock pointer */
	EF_FAIL,		/* the acquire failed: known not held */
	EF_NAME,		/* the value at inst is TAG(arg): same args, same lock */
	EF_FORGET,		/* the call may or may not have changed it: unknown */
	EF_ALIVE,		/* the VMA at inst is kept alive by the lock cls/arg */
	EF_UNMAP,		/* the PTE at inst is no longer mapped */
};

struct model_effect {
	enum effect_kind kind;
	enum lock_class cls;
	enum lock_mode mode;
	struct model_ref inst;
	struct model_ref flags;	/* LC_FAULT: the fault flags */
	struct model_cond unless;	/* C_TRUE when absent */
	const char *tag;	/* EF_NAME */
	struct model_ref arg;	/* EF_NAME */
	bool unchecked;		/* EF_ALIVE: the VMA may lie above the address asked for */
};

struct model_case {
	struct model_cond cond;	/* C_TRUE for an unconditional case */
	struct model_cond guard[2];	/* "on COND, if GUARD...:": impossible unless all hold */
	int nguards;
	bool otherwise;
	struct model_effect *effects;
	int neffects;
};

/* A parameter pattern: 'mm', or '&mm->mmap_lock' (binds mm). */
struct model_param {
	const char *name;
	bool addr;
	int nsteps;
	const char *fields[2];	/* ->f steps after the binder */
};

enum where_kind { W_NONE, W_IS_PTL, W_COND };

struct model_api {
	const char *name;	/* interned */
	struct model_param *params;
	int nparams;
	const char *ret_type;	/* "vm_fault_t", "bool", ... or NULL: any */
	bool sleeps;
	bool needs_mmap;	/* only correct with mmap_lock held (asserts or walks the VMA tree) */
	bool same_value;	/* every call in a function returns the same value (current) */
	bool exhaustive;
	enum where_kind where;
	int where_param;		/* W_IS_PTL */
	struct model_cond where_cond[2];	/* W_COND: must not be known false */
	int nwhere;
	struct model_case *cases;
	int ncases;
	int line;		/* in the model file, for messages */
	uint32_t opaque_params;	/* summaries: locks reachable from these may change */
	uint32_t used_params;	/* summaries: pointers it reads through (or hands on) */
	struct model_ref *writes;	/* summaries: what the callee assigns (desc->folio) */
	int nwrites;
};

/* The fault lock: a VMA lock when FLAGS has the flag, else mmap_lock of VMA->mm_field. */
struct fault_lock_def {
	const char *flag_name;
	int64_t flag;
	bool resolved;
	const char *mm_field;
};

struct ptl_path {		/* a path ending in ->field is a PTL pointer */
	bool addr;
	const char *field;
};

struct model {
	struct model_api *apis;
	int napis, capapis;
	int *by_name;		/* model_find()'s index: position + 1 of a name's last entry */
	int *prev_same;		/* per entry: the previous entry of the same name, or -1 */
	int nslots, nindexed;	/* an index covering fewer entries than napis is not used */
	struct fault_lock_def fault;
	const char *vma_type;		/* "struct vm_area_struct" */
	const char *mm_type;		/* "struct mm_struct": a VMA handed in with one is its VMA */
	const char *fault_ctx_type;	/* "struct vm_fault": its ->vma is the fault's VMA */
	const char *fault_ctx_vma;	/* "vma" */
	const char *fault_ctx_flags;	/* "flags" */
	const char *range_field;	/* "vm_start": comparing it checks a find_vma() result */
	struct {			/* callback slots drivers fill: dev_pagemap_ops.migrate_to_ram */
		const char *type;	/* "struct dev_pagemap_ops" */
		const char *field;
	} callbacks[4];
	int ncallbacks;
	struct ptl_path ptl_paths[8];
	int nptl_paths;
	const char *exclusive_mm[8];	/* functions that own their mm: no one else changes its VMAs */
	int nexclusive_mm;
};

extern const char mmlock_builtin_model[];

/* Returns false and prints "file:line: message" on a syntax error. */
bool model_parse(struct model *m, const char *text, const char *filename);
bool model_load_file(struct model *m, const char *path);
void model_free(struct model *m);

/* Resolves constant names; unknown names disable the case that uses them. */
typedef bool (*model_const_lookup)(void *ctx, const char *name, long long *value);
void model_resolve(struct model *m, model_const_lookup lookup, void *ctx);

/*
 * The entry for a call: same name, and when the model gives a return type
 * or arity, the same as the TU's declaration. Later entries override.
 */
const struct model_api *model_find(const struct model *m, const char *name,
				   const char *ret_type, int nparams, int from);

const char *lock_class_name(enum lock_class c);

/* Is TYPE.FIELD (interned) a callback slot the model names? */
bool model_is_callback_slot(const struct model *m, const char *type, const char *field);

#endif
