/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers shared by every stage: a bump arena for per-function data,
 * an interner so names compare by pointer, and growable arrays.
 */
#ifndef MMLOCK_UTIL_H
#define MMLOCK_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* qsort() comparator for an array of strings (char *). */
int strp_cmp(const void *a, const void *b);

/* Bump allocator: everything a function's analysis allocates, freed at once. */
struct arena {
	struct arena_chunk *head;
	size_t used;		/* bytes handed out, for the budget */
};

void *arena_alloc(struct arena *a, size_t size);
void *arena_memdup(struct arena *a, const void *p, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void arena_reset(struct arena *a);

/*
 * Interned strings live as long as the process; equal strings are the same
 * pointer, so the IR and the model compare names with ==.
 */
const char *intern(const char *s);
const char *intern_len(const char *s, size_t len);

/* Growable array of T: struct { T *v; int n, cap; }. */
#define VEC(T) struct { T *v; int n, cap; }
#define vec_push(vec, x) do {						\
	if ((vec)->n == (vec)->cap) {					\
		(vec)->cap = (vec)->cap ? 2 * (vec)->cap : 8;		\
		(vec)->v = xrealloc((vec)->v, (vec)->cap * sizeof(*(vec)->v)); \
	}								\
	(vec)->v[(vec)->n++] = (x);					\
} while (0)
#define vec_free(vec) do { free((vec)->v); (vec)->v = NULL; (vec)->n = (vec)->cap = 0; } while (0)

/* Growable string buffer. */
struct strbuf {
	char *s;
	size_t len, cap;
};

void sb_add(struct strbuf *sb, const char *s);
/* len bytes of s, which may hold NULs; the buffer stays NUL-terminated */
void sb_addn(struct strbuf *sb, const char *s, size_t len);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_free(struct strbuf *sb);

uint64_t hash_bytes(const void *p, size_t len, uint64_t seed);

#endif
