// SPDX-License-Identifier: GPL-2.0
/*
 * kbuild's .cmd files, read for the gate. A .NAME.o.cmd file (scripts/
 * Kbuild.include, scripts/basic/fixdep.c) holds three make variables:
 *
 *	savedcmd_mm/madvise.o := gcc -Wp,-MMD,... -c -o mm/madvise.o mm/madvise.c
 *	source_mm/madvise.o := mm/madvise.c
 *	deps_mm/madvise.o := \
 *	  include/linux/compiler-version.h \
 *	    $(wildcard include/config/SWAP) \
 *	  ...
 *
 * with make's escapes in the command ("$$" for "$", "$(pound)" for "#").
 * Paths are relative to the directory kbuild ran in (the object tree) or
 * absolute; an O= build's sources are below $(srctree), which the object
 * tree's "source" link names. The tree is searched only for objects that
 * name a changed file, so a full build's thousands of .cmd files cost a
 * read and a memmem() each.
 */
#include "kbuild.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tree.h"

typedef VEC(char *) strvec;

/* base/p (or p if absolute) with ".", ".." and repeated slashes resolved, without the file system. */
static char *norm_path(const char *base, const char *p)
{
	char *joined = p[0] == '/' || !base ? xstrdup(p) : xasprintf("%s/%s", base, p);
	char *out = xmalloc(strlen(joined) + 2), *save = NULL;
	size_t len = 0;

	out[0] = '\0';
	for (char *c = strtok_r(joined, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
		if (!strcmp(c, "."))
			continue;
		if (!strcmp(c, "..")) {
			char *slash = strrchr(out, '/');

			len = slash ? (size_t)(slash - out) : 0;
			out[len] = '\0';
			continue;
		}
		out[len++] = '/';
		strcpy(out + len, c);
		len += strlen(c);
	}
	if (!len)
		strcpy(out, "/");
	if (joined[0] != '/' && out[0] == '/')	/* a relative path stays relative */
		memmove(out, out + 1, strlen(out));
	free(joined);
	return out;
}

/* A path kbuild wrote, relative to the source tree (interned), or NULL if outside it. */
static const char *in_srctree(const struct kbuild *kb, const char *p)
{
	char *abs = norm_path(kb->build, p);
	size_t len = strlen(kb->srctree);
	const char *rel = NULL;

	if (!strncmp(abs, kb->srctree, len) && abs[len] == '/')
		rel = intern(abs + len + 1);
	free(abs);
	return rel;
}

/* The value of "NAME := value" for the line starting with prefix, up to the newline. */
static char *variable(const char *text, const char *prefix)
{
	const char *p = text, *eq, *nl;
	size_t plen = strlen(prefix);

	for (; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (strncmp(p, prefix, plen))
			continue;
		eq = strstr(p, " := ");
		nl = strchr(p, '\n');
		if (!eq || (nl && eq > nl))
			continue;
		eq += 4;
		return nl ? strndup(eq, nl - eq) : xstrdup(eq);
	}
	return NULL;
}

/* make's escapes out: "$$" is "$", "$(pound)" is "#". */
static void unescape_make(char *s)
{
	char *w = s;

	for (char *r = s; *r;) {
		if (r[0] == '$' && r[1] == '$') {
			*w++ = '$';
			r += 2;
		} else if (!strncmp(r, "$(pound)", 8)) {
			*w++ = '#';
			r += 8;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

static bool parse_cmd(struct kbuild *kb, const char *text, struct kb_tu *t)
{
	char *cmd = variable(text, "savedcmd_"), *src, *deps;
	VEC(const char *) inputs = {0};
	const char *p;

	if (!cmd)
		cmd = variable(text, "cmd_");	/* before 6.4 */
	src = variable(text, "source_");
	if (!cmd || !src || strlen(src) < 3 || strcmp(src + strlen(src) - 2, ".c")) {
		free(cmd);
		free(src);
		return false;
	}
	memset(t, 0, sizeof(*t));
	t->source = (char *)in_srctree(kb, src);
	if (!t->source) {	/* generated (*.mod.c): no patch changes it */
		free(cmd);
		free(src);
		return false;
	}
	t->source = xstrdup(t->source);
	unescape_make(cmd);
	t->nwords = tree_split_command(cmd, &t->words);
	/* the compiler's command only: a module's runs objtool after a ";" */
	for (int i = 0; i < t->nwords; i++)
		if (!strcmp(t->words[i], ";") || !strcmp(t->words[i], "&&")) {
			for (int k = i; k < t->nwords; k++)
				free(t->words[k]);
			t->words[i] = NULL;
			t->nwords = i;
		}
	for (int i = 0; i + 1 < t->nwords; i++)
		if (!strcmp(t->words[i], "-o"))
			t->obj = xstrdup(t->words[i + 1]);
	if (!t->obj)
		t->obj = xstrdup(src);
	vec_push(&inputs, intern(t->source));
	/* deps: words after "deps_X := \", to the first line not continued */
	deps = strstr(text, "\ndeps_");
	p = deps ? strstr(deps, " := ") : NULL;
	while (p) {
		const char *nl = strchr(p, '\n'), *line = nl ? nl + 1 : NULL;
		size_t len;

		if (!line || !*line)
			break;
		nl = strchr(line, '\n');
		len = nl ? (size_t)(nl - line) : strlen(line);
		while (len && (line[len - 1] == ' ' || line[len - 1] == '\\'))
			len--;
		while (len && (*line == ' ' || *line == '\t')) {
			line++;
			len--;
		}
		if (!len)
			break;	/* the blank line that ends the list */
		if (strncmp(line, "$(wildcard", 10)) {
			char *word = strndup(line, len);
			const char *rel = in_srctree(kb, word);

			if (rel && rel != inputs.v[0])
				vec_push(&inputs, rel);
			free(word);
		}
		p = nl;
	}
	t->inputs = inputs.v;
	t->ninputs = inputs.n;
	free(cmd);
	free(src);
	return true;
}

static void tu_free(struct kb_tu *t)
{
	for (int k = 0; k < t->nwords; k++)
		free(t->words[k]);
	free(t->words);
	free(t->inputs);
	free(t->obj);
	free(t->source);
	free(t->flags_from);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	struct strbuf sb = {0};
	char buf[65536];
	size_t got;

	if (!f)
		return NULL;
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_addn(&sb, buf, got);
	fclose(f);
	return sb.s ? sb.s : xstrdup("");
}

static bool names_one(const char *text, const char *const *paths, int npaths)
{
	for (int i = 0; i < npaths; i++)
		if (strstr(text, paths[i]))
			return true;
	return false;
}

/* paths NULL: every TU. */
static void load_one(struct kbuild *kb, const char *path, const char *const *paths, int npaths)
{
	char *text = read_file(path);
	struct kb_tu t;

	if (!text || (paths && !names_one(text, paths, npaths)) || !parse_cmd(kb, text, &t)) {
		free(text);
		return;
	}
	free(text);
	if (!paths) {
		vec_push(&kb->tus, t);
		return;
	}
	for (int i = 0; i < npaths; i++)
		if (kb_tu_reads(&t, paths[i])) {
			vec_push(&kb->tus, t);
			return;
		}
	tu_free(&t);
}

static void walk(struct kbuild *kb, const char *dir, const char *const *paths, int npaths)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		const char *n = e->d_name;
		size_t len = strlen(n);
		char *path;
		bool is_dir = e->d_type == DT_DIR, is_reg = e->d_type == DT_REG;

		/* symbolic links are not followed (an O= build's "source" names the sources) */
		if (!strcmp(n, ".") || !strcmp(n, "..") || !strcmp(n, ".git"))
			continue;
		path = xasprintf("%s/%s", dir, n);
		if (e->d_type == DT_UNKNOWN) {
			struct stat sb;

			if (lstat(path, &sb) == 0) {
				is_dir = S_ISDIR(sb.st_mode);
				is_reg = S_ISREG(sb.st_mode);
			}
		}
		if (is_dir)
			walk(kb, path, paths, npaths);
		else if (is_reg && n[0] == '.' && len > 6 && !strcmp(n + len - 6, ".o.cmd"))
			load_one(kb, path, paths, npaths);
		free(path);
	}
	closedir(d);
}

static int tu_cmp(const void *a, const void *b)
{
	return strcmp(((const struct kb_tu *)a)->source, ((const struct kb_tu *)b)->source);
}

bool kbuild_load(struct kbuild *kb, const char *build, const char *const *paths, int npaths,
		 struct strbuf *err)
{
	char *source = xasprintf("%s/source", build), *cfg;
	struct stat sb;

	memset(kb, 0, sizeof(*kb));
	kb->build = realpath(build, NULL);
	if (!kb->build) {
		sb_addf(err, "build directory %s: %s", build, strerror(errno));
		free(source);
		return false;
	}
	/* O= builds link their source tree; in-tree builds are their own */
	kb->srctree = realpath(source, NULL);
	if (!kb->srctree)
		kb->srctree = xstrdup(kb->build);
	free(source);
	cfg = xasprintf("%s/.config", kb->build);
	if (stat(cfg, &sb) != 0) {
		sb_addf(err, "%s is not a configured kernel build directory (no .config)", kb->build);
		free(cfg);
		return false;
	}
	free(cfg);
	if (!paths || npaths)
		walk(kb, kb->build, paths, npaths);
	if (kb->tus.n)
		qsort(kb->tus.v, kb->tus.n, sizeof(*kb->tus.v), tu_cmp);
	return true;
}

void kbuild_free(struct kbuild *kb)
{
	for (int i = 0; i < kb->tus.n; i++)
		tu_free(&kb->tus.v[i]);
	vec_free(&kb->tus);
	free(kb->build);
	free(kb->srctree);
}

/* Is w, a word of t's command, the file it compiles? */
static bool is_source_word(const struct kbuild *kb, const struct kb_tu *t, const char *w)
{
	return w[0] != '-' && in_srctree(kb, w) == intern(t->source);
}

/* "dir/x.c" -> "x": kbuild's basetarget, as KBUILD_BASENAME spells it ('-' -> '_'). */
static char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/'), *b = slash ? slash + 1 : path;
	char *n = strndup(b, strcspn(b, "."));

	for (char *c = n; *c; c++)
		if (*c == '-')
			*c = '_';
	return n;
}

/* word, a path ending in old's file name, ending in new's instead. */
static char *renamed_word(const char *word, const char *new_file)
{
	const char *slash = strrchr(word, '/'), *nb = strrchr(new_file, '/');

	return xasprintf("%.*s%s", slash ? (int)(slash - word + 1) : 0, word, nb ? nb + 1 : new_file);
}

/* t's command, compiling path instead of t->source. */
static void borrow_from(const struct kbuild *kb, const struct kb_tu *t, const char *path,
			struct kb_tu *out)
{
	char *base = base_name(path), *obj = xasprintf("%.*s.o", (int)(strlen(path) - 2), path);

	memset(out, 0, sizeof(*out));
	out->source = xstrdup(path);
	out->flags_from = xstrdup(t->source);
	out->words = xcalloc(t->nwords + 1, sizeof(char *));
	out->nwords = t->nwords;
	for (int i = 0; i < t->nwords; i++) {
		const char *w = t->words[i];

		if (i > 0 && !strcmp(t->words[i - 1], "-o")) {
			out->words[i] = renamed_word(w, obj);
			out->obj = xstrdup(out->words[i]);
		} else if (is_source_word(kb, t, w)) {
			out->words[i] = renamed_word(w, path);
		} else if (!strncmp(w, "-DKBUILD_BASENAME=", 18)) {
			out->words[i] = xasprintf("-DKBUILD_BASENAME=\"%s\"", base);
		} else {
			out->words[i] = xstrdup(w);
		}
	}
	if (!out->obj)
		out->obj = obj;
	else
		free(obj);
	/* its own includes are unknown: the sibling's stand in (snapshots, header changes) */
	out->inputs = xcalloc(t->ninputs + 1, sizeof(*out->inputs));
	out->inputs[out->ninputs++] = intern(path);
	for (int i = 0; i < t->ninputs; i++)
		if (t->inputs[i] != intern(t->source))
			out->inputs[out->ninputs++] = t->inputs[i];
	free(base);
}

bool kbuild_borrow(struct kbuild *kb, const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash - path) : xstrdup("");
	char *bdir = xasprintf("%s/%s", kb->build, dir);
	DIR *d = opendir(bdir);
	strvec cmds = {0};
	struct dirent *e;
	bool found = false;

	while (d && (e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' && len > 6 && !strcmp(e->d_name + len - 6, ".o.cmd"))
			vec_push(&cmds, xasprintf("%s/%s", bdir, e->d_name));
	}
	if (d)
		closedir(d);
	if (cmds.n)
		qsort(cmds.v, cmds.n, sizeof(*cmds.v), strp_cmp);
	for (int i = 0; i < cmds.n && !found; i++) {
		char *text = read_file(cmds.v[i]);
		const char *s;
		struct kb_tu t, n;

		if (text && parse_cmd(kb, text, &t)) {
			s = strrchr(t.source, '/');
			/* a TU of this directory, not of a subdirectory or a ../ file */
			if ((s ? (size_t)(s - t.source) : 0) == strlen(dir) &&
			    !strncmp(t.source, dir, strlen(dir))) {
				borrow_from(kb, &t, path, &n);
				vec_push(&kb->tus, n);
				found = true;
			}
			tu_free(&t);
		}
		free(text);
	}
	for (int i = 0; i < cmds.n; i++)
		free(cmds.v[i]);
	vec_free(&cmds);
	free(bdir);
	free(dir);
	if (found)
		qsort(kb->tus.v, kb->tus.n, sizeof(*kb->tus.v), tu_cmp);
	return found;
}

const char *kb_tu_source_word(const struct kbuild *kb, const struct kb_tu *t)
{
	for (int i = t->nwords - 1; i > 0; i--)
		if (is_source_word(kb, t, t->words[i]) && strcmp(t->words[i - 1], "-o"))
			return t->words[i];
	return NULL;
}

bool kb_tu_reads(const struct kb_tu *t, const char *path)
{
	for (int i = 0; i < t->ninputs; i++)
		if (t->inputs[i] == path)
			return true;
	return false;
}

static bool is_dir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* An include path or file of the command, as the analysis in wt must see it. */
static void add_path(const struct kbuild *kb, strvec *out, const char *opt, const char *p,
		     const char *wt, bool dir)
{
	const char *rel = in_srctree(kb, p);
	char *twin;

	if (!rel) {	/* the object tree's own: generated headers, an O= build's */
		vec_push(out, xstrdup(opt));
		vec_push(out, norm_path(kb->build, p));
		return;
	}
	vec_push(out, xstrdup(opt));
	vec_push(out, xasprintf("%s/%s", wt, rel));
	twin = xasprintf("%s/%s", kb->build, rel);
	if (dir && is_dir(twin)) {
		vec_push(out, xstrdup(opt));
		vec_push(out, twin);
	} else {
		free(twin);
	}
}

char **kb_tu_args(const struct kbuild *kb, const struct kb_tu *t, const char *wt, int *argc)
{
	static const char *const dir_opts[] = { "-I", "-isystem", "-iquote", "-idirafter" };
	static const char *const file_opts[] = { "-include", "-imacros" };
	strvec out = {0};

	for (int i = 1; i < t->nwords; i++) {
		const char *w = t->words[i];
		bool done = false;

		if (!strcmp(w, "-c"))
			continue;
		if (!strcmp(w, "-o") && i + 1 < t->nwords) {
			i++;
			continue;
		}
		if (is_source_word(kb, t, w))
			continue;
		for (size_t k = 0; k < ARRAY_SIZE(dir_opts) && !done; k++) {
			size_t len = strlen(dir_opts[k]);

			if (strncmp(w, dir_opts[k], len))
				continue;
			if (!w[len] && i + 1 < t->nwords)
				add_path(kb, &out, dir_opts[k], t->words[++i], wt, true);
			else if (w[len] && k == 0)	/* -I./include */
				add_path(kb, &out, dir_opts[k], w + len, wt, true);
			else
				continue;
			done = true;
		}
		for (size_t k = 0; k < ARRAY_SIZE(file_opts) && !done; k++)
			if (!strcmp(w, file_opts[k]) && i + 1 < t->nwords) {
				add_path(kb, &out, file_opts[k], t->words[++i], wt, false);
				done = true;
			}
		if (!done)
			vec_push(&out, xstrdup(w));
	}
	*argc = out.n;
	vec_push(&out, NULL);
	return out.v;
}
