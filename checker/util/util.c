// SPDX-License-Identifier: GPL-2.0
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		die("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(xmalloc(len), s, len);
}

char *xvasprintf(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void die(const char *fmt, ...)
{
	va_list ap;

	fputs("mmlock: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, used;
	max_align_t data[];
};

#define CHUNK_SIZE (64 * 1024)
#define MAX_SPARE 1024		/* chunks kept: 64 MB */

/*
 * Chunks of the usual size an arena gave back, for the next one: functions
 * are analysed one after another, and memory handed back to the system
 * (malloc trims the top of its heap) returns as fresh pages to fault in
 * and clear. That was a quarter of the engine's time on long files.
 */
static struct {
	struct arena_chunk *head;
	int n;
} spare;

static struct arena_chunk *chunk_new(size_t cap)
{
	struct arena_chunk *c = spare.head;

	if (cap == CHUNK_SIZE && c) {
		spare.head = c->next;
		spare.n--;
	} else {
		c = xmalloc(sizeof(*c) + cap);
	}
	c->size = cap;
	c->used = 0;
	return c;
}

static void chunk_free(struct arena_chunk *c)
{
	if (c->size != CHUNK_SIZE || spare.n >= MAX_SPARE) {
		free(c);
		return;
	}
	c->next = spare.head;
	spare.head = c;
	spare.n++;
}

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_chunk *c = a->head;

	size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (!c || c->size - c->used < size) {
		c = chunk_new(size > CHUNK_SIZE ? size : CHUNK_SIZE);
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)c->data + c->used;

	c->used += size;
	a->used += size;
	memset(p, 0, size);
	return p;
}

void *arena_memdup(struct arena *a, const void *p, size_t size)
{
	return size ? memcpy(arena_alloc(a, size), p, size) : NULL;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_memdup(a, s, strlen(s) + 1);
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char buf[512];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < (int)sizeof(buf))
		return arena_strdup(a, buf);

	char *s = arena_alloc(a, n + 1);

	va_start(ap, fmt);
	vsnprintf(s, n + 1, fmt, ap);
	va_end(ap);
	return s;
}

void arena_reset(struct arena *a)
{
	while (a->head) {
		struct arena_chunk *next = a->head->next;

		chunk_free(a->head);
		a->head = next;
	}
	a->used = 0;
}

int strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

uint64_t hash_bytes(const void *p, size_t len, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL ^ seed;	/* FNV-1a */

	while (len--) {
		h ^= *s++;
		h *= 1099511628211ULL;
	}
	return h;
}

/* Open-addressing interner; never shrinks. */
static struct {
	const char **slot;
	size_t cap, n;
} interned;

static void intern_grow(void)
{
	size_t cap = interned.cap ? interned.cap * 2 : 4096;
	const char **slot = xcalloc(cap, sizeof(*slot));

	for (size_t i = 0; i < interned.cap; i++) {
		const char *s = interned.slot[i];

		if (!s)
			continue;
		size_t j = hash_bytes(s, strlen(s), 0) & (cap - 1);

		while (slot[j])
			j = (j + 1) & (cap - 1);
		slot[j] = s;
	}
	free(interned.slot);
	interned.slot = slot;
	interned.cap = cap;
}

const char *intern_len(const char *s, size_t len)
{
	if (2 * (interned.n + 1) > interned.cap)
		intern_grow();

	size_t j = hash_bytes(s, len, 0) & (interned.cap - 1);

	for (;; j = (j + 1) & (interned.cap - 1)) {
		const char *t = interned.slot[j];

		if (!t)
			break;
		if (strncmp(t, s, len) == 0 && t[len] == '\0')
			return t;
	}
	char *copy = xmalloc(len + 1);

	memcpy(copy, s, len);
	copy[len] = '\0';
	interned.slot[j] = copy;
	interned.n++;
	return copy;
}

const char *intern(const char *s)
{
	return s ? intern_len(s, strlen(s)) : NULL;
}

void sb_addn(struct strbuf *sb, const char *s, size_t len)
{
	if (sb->len + len + 1 > sb->cap) {
		sb->cap = (sb->len + len + 1) * 2;
		sb->s = xrealloc(sb->s, sb->cap);
	}
	memcpy(sb->s + sb->len, s, len);
	sb->len += len;
	sb->s[sb->len] = '\0';
}

void sb_add(struct strbuf *sb, const char *s)
{
	sb_addn(sb, s, strlen(s));
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	sb_add(sb, s);
	free(s);
}

void sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}
