// SPDX-License-Identifier: GPL-2.0
/*
 * mmlock gate: a patch series in, the findings it introduces out, each
 * with the patch that introduced it.
 *
 *	mmlock gate [options] BASE..HEAD
 *	mmlock gate [options] --base=REV SERIES.mbox|PATCH_DIR
 *
 * The series is never applied to the user's checkout: a temporary
 * worktree (git worktree add --detach) holds BASE, the mbox or patch
 * files are applied there with git am, and each commit of the series is
 * checked out there in turn. The TUs a patch affects are the .c files it
 * changes and those whose kbuild dependencies (deps_ in the build
 * directory's .o.cmd files) name a file it changes; they are analysed at
 * BASE and again after each patch that changes one of their inputs, with
 * the build's compiler command pointed at the worktree (kbuild.c), one
 * process per TU (tree.c's runner). A TU whose inputs are as they were at
 * an earlier revision reuses that revision's result. gate_report.c
 * classifies the findings by fingerprint and writes the report.
 *
 * What runs: git (hooks disabled, see git.c) and mmlock itself. Nothing
 * from the tree under test is executed, and no make.
 */
#include "gate.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../report/gate_report.h"
#include "git.h"
#include "kbuild.h"
#include "options.h"
#include "tree.h"

#define NULL_BLOB "0000000000000000000000000000000000000000"

typedef VEC(char *) strvec;

/* A file a patch changes: its blob before and after (NULL_BLOB: absent). */
struct change {
	const char *path;	/* interned, relative to the tree */
	char old[41], new[41];
};

struct patch {
	char *commit, *parent, *subject;
	VEC(struct change) changes;
};

/* A TU analysed with its inputs in one state. */
struct cached {
	int tu;			/* index in kbuild's list */
	char *key;		/* the blobs of its inputs the series changes */
	struct gate_result *result;
};

struct gate {
	/* the command line */
	struct options opt;	/* analysis options, -j, --format, -o */
	const char *repo_arg, *build_arg, *base_arg, *series, *baseline, *suppressions;
	const char *json_out, *sarif_out;	/* more reports, beside the main one */
	bool write_baseline;
	const char *self;
	/* the run */
	char *repo;		/* the user's tree, top level */
	char *tmp, *wt;		/* temporary directory, the worktree in it */
	bool wt_added;
	char *base;
	VEC(struct patch) patches;
	VEC(const char *) paths;	/* changed by the series, interned, once each */
	struct kbuild kb;
	VEC(struct cached) cache;
	struct gate_rev *revs;
	struct gate_report *report;
	struct gate_result **last_good;	/* per TU: the last result no worse than at BASE */
};

static volatile sig_atomic_t stop_signal;
static struct gate *active;	/* for the clean-up at exit */

static void on_signal(int sig)
{
	stop_signal = sig;
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* Removes the worktree (and git's record of it) and the temporary directory. */
static void cleanup(void)
{
	struct gate *g = active;

	if (!g)
		return;
	active = NULL;
	stop_signal = 0;	/* let git run once more */
	if (g->wt_added &&
	    git(g->repo, NULL, NULL, "worktree", "remove", "--force", "--force", g->wt, NULL) != 0) {
		if (g->tmp)
			nftw(g->tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
		git(g->repo, NULL, NULL, "worktree", "prune", NULL);
	}
	if (g->tmp)
		nftw(g->tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void usage(void)
{
	printf("usage: mmlock gate [options] BASE..HEAD\n"
	       "       mmlock gate [options] --base=REV SERIES.mbox|PATCH_DIR\n\n"
	       "Analyses the TUs a patch series affects at BASE and after each patch, and\n"
	       "reports the findings it introduces, each with its patch. Exit 0: no new\n"
	       "finding; 1: new findings; 2: the gate could not run.\n\n"
	       "  -C DIR, --repo=DIR     the kernel git tree (default: the current directory);\n"
	       "                         it is never modified: the series is applied in a\n"
	       "                         temporary worktree\n"
	       "  --build-dir=DIR        a configured kernel build of that tree (its .o.cmd\n"
	       "                         files give flags and dependencies; default: the tree)\n"
	       "  --base=REV             where an mbox or patch directory applies (git am)\n"
	       "  -j N                   analyse N TUs at a time\n"
	       "  --format=text|json|sarif, -o FILE   the report (stdout by default)\n"
	       "  --json=FILE, --sarif=FILE   also write the JSON or SARIF report to FILE\n"
	       "  --baseline=FILE        accept the findings listed in FILE\n"
	       "  --write-baseline       write every finding after the last patch to the\n"
	       "                         --baseline FILE (exit 0 unless the gate failed)\n"
	       "  --suppressions=FILE    accept findings: FINGERPRINT REASON per line\n"
	       "  -W<check>, -Wno-<check>, --model=FILE, --verbose   as for mmlock\n");
}

/* "--name=VALUE" or "--name VALUE"; NULL if a is not --name. */
static const char *value(int argc, char **argv, int *i, const char *name, bool *bad)
{
	size_t len = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, len))
		return NULL;
	if (a[len] == '=')
		return a + len + 1;
	if (a[len])
		return NULL;
	if (*i + 1 >= argc) {
		fprintf(stderr, "mmlock gate: %s needs a value\n", name);
		*bad = true;
		return NULL;
	}
	return argv[++*i];
}

static bool parse_args(struct gate *g, int argc, char **argv)
{
	bool bad = false;
	const char *v;

	memset(&g->opt, 0, sizeof(g->opt));
	for (int i = 1; i < argc && !bad; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage();
			exit(0);
		} else if ((v = value(argc, argv, &i, "--repo", &bad)) ||
			   (v = value(argc, argv, &i, "-C", &bad))) {
			g->repo_arg = v;
		} else if ((v = value(argc, argv, &i, "--build-dir", &bad))) {
			g->build_arg = v;
		} else if ((v = value(argc, argv, &i, "--base", &bad))) {
			g->base_arg = v;
		} else if ((v = value(argc, argv, &i, "--baseline", &bad))) {
			g->baseline = v;
		} else if ((v = value(argc, argv, &i, "--suppressions", &bad))) {
			g->suppressions = v;
		} else if ((v = value(argc, argv, &i, "--json", &bad))) {
			g->json_out = v;
		} else if ((v = value(argc, argv, &i, "--sarif", &bad))) {
			g->sarif_out = v;
		} else if ((v = value(argc, argv, &i, "-o", &bad))) {
			g->opt.output = v;
		} else if ((v = value(argc, argv, &i, "-j", &bad))) {
			if ((g->opt.jobs = atoi(v)) < 1) {
				fprintf(stderr, "mmlock gate: -j needs a positive number\n");
				bad = true;
			}
		} else if (!strncmp(a, "-j", 2) && a[2] >= '1' && a[2] <= '9') {
			g->opt.jobs = atoi(a + 2);
		} else if (!strcmp(a, "--write-baseline")) {
			g->write_baseline = true;
		} else if (bad) {
			break;
		} else if (!strncmp(a, "--format=", 9) && !options_own(&g->opt, a)) {
			fprintf(stderr, "mmlock gate: unknown format '%s' (text, json or sarif)\n", a + 9);
			bad = true;
		} else if (options_own(&g->opt, a)) {
			continue;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "mmlock gate: unknown option %s (try --help)\n", a);
			bad = true;
		} else if (g->series) {
			fprintf(stderr, "mmlock gate: one series only (%s, then %s)\n", g->series, a);
			bad = true;
		} else {
			g->series = a;
		}
	}
	if (bad)
		return false;
	if (!g->series) {
		fprintf(stderr, "mmlock gate: no series: BASE..HEAD, or --base=REV and an mbox "
			"or a patch directory (try --help)\n");
		return false;
	}
	if (g->write_baseline && !g->baseline) {
		fprintf(stderr, "mmlock gate: --write-baseline needs --baseline=FILE\n");
		return false;
	}
	return true;
}

/* Fails the gate before any analysis: the reason on stderr, exit 2. */
static int cannot_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int cannot_run(const char *fmt, ...)
{
	va_list ap;

	fputs("mmlock gate: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 2;
}

static void chomp(struct strbuf *sb)
{
	while (sb->len && (sb->s[sb->len - 1] == '\n' || sb->s[sb->len - 1] == '\r'))
		sb->s[--sb->len] = '\0';
}

/* The full id of rev as a commit in dir's repository, or NULL. */
static char *commit_id(const char *dir, const char *rev)
{
	struct strbuf out = {0};
	char *spec = xasprintf("%s^{commit}", rev);
	char *id = NULL;

	if (rev[0] != '-' &&
	    git(dir, &out, NULL, "rev-parse", "--verify", "--quiet", "--end-of-options", spec,
		NULL) == 0) {
		chomp(&out);
		id = xstrdup(out.s);
	}
	sb_free(&out);
	free(spec);
	return id;
}

/* git's error output, its first lines, for a message. */
static const char *git_said(struct strbuf *err)
{
	chomp(err);
	return err->len ? err->s : "(no message)";
}

/* The series' commits from base to head, oldest first; each must have one parent. */
static int list_commits(struct gate *g, const char *dir, const char *head)
{
	struct strbuf out = {0}, err = {0};
	char *range = xasprintf("%s..%s", g->base, head);
	int rc = 0;

	if (git(dir, &out, &err, "rev-list", "--no-commit-header", "--reverse", "--topo-order",
		"--format=%H%x01%P%x01%s", range, NULL) != 0) {
		rc = cannot_run("git rev-list %s: %s", range, git_said(&err));
		goto out;
	}
	for (char *line = strtok(out.s, "\n"); line; line = strtok(NULL, "\n")) {
		char *p1 = strchr(line, 1), *p2 = p1 ? strchr(p1 + 1, 1) : NULL;
		struct patch p = {0};

		if (!p2)
			continue;
		*p1 = *p2 = '\0';
		if (strchr(p1 + 1, ' ')) {
			rc = cannot_run("%s is a merge: the gate takes a linear series", line);
			goto out;
		}
		p.commit = xstrdup(line);
		p.parent = xstrdup(p1 + 1);
		p.subject = xstrdup(p2 + 1);
		vec_push(&g->patches, p);
	}
	if (!g->patches.n)
		rc = cannot_run("no commit in %s", range);
	else if (strcmp(g->patches.v[0].parent, g->base))
		rc = cannot_run("%s does not start at %s", range, g->base);
out:
	sb_free(&out);
	sb_free(&err);
	free(range);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* An mbox, or a directory of git format-patch files (in name order, cover letter left out). */
static int patch_files(const char *series, strvec *files)
{
	struct stat sb;

	if (stat(series, &sb) != 0)
		return cannot_run("%s: %s", series, strerror(errno));
	if (S_ISDIR(sb.st_mode)) {
		DIR *d = opendir(series);
		struct dirent *e;

		while (d && (e = readdir(d))) {
			char *path = xasprintf("%s/%s", series, e->d_name);

			if (e->d_name[0] != '.' && strcmp(e->d_name, "0000-cover-letter.patch") &&
			    stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
				vec_push(files, path);
			else
				free(path);
		}
		if (d)
			closedir(d);
		qsort(files->v, files->n, sizeof(char *), cmp_str);
		if (!files->n)
			return cannot_run("%s: no patch files", series);
	} else {
		vec_push(files, xstrdup(series));
	}
	return 0;
}

/*
 * Why git am stopped: "patch 0002 (subject) does not apply on BASE", then
 * git's "error:" lines (which file, which hunk), without its hints.
 */
static char *am_failure(const struct gate *g, const char *out, const char *err)
{
	const char *srcs[] = { out, err }, *at = NULL;
	struct strbuf sb = {0};

	for (int i = 0; i < 2 && !at; i++)
		at = srcs[i] ? strstr(srcs[i], "Patch failed at ") : NULL;
	if (at) {
		at += strlen("Patch failed at ");
		sb_addf(&sb, "patch %.*s (%.*s) does not apply on %.12s", (int)strcspn(at, " \n"),
			at, (int)strcspn(at + strcspn(at, " \n") + 1, "\n"),
			at + strcspn(at, " \n") + 1, g->base);
	} else {
		sb_addf(&sb, "the series does not apply on %.12s", g->base);
	}
	for (int i = 0; i < 2; i++)
		for (const char *l = srcs[i]; l && *l; l += strcspn(l, "\n") + (l[strcspn(l, "\n")] != 0))
			if (!strncmp(l, "error:", 6) || !strncmp(l, "fatal:", 6) ||
			    (!at && strncmp(l, "hint:", 5) && l[0] != '\n'))
				sb_addf(&sb, "\n  %.*s", (int)strcspn(l, "\n"), l);
	return sb.s;
}

/* git am of the series onto BASE in the worktree; an empty patch (a cover letter) is skipped. */
static int apply_series(struct gate *g)
{
	static const char *const env[] = {
		"GIT_COMMITTER_NAME=mmlock gate", "GIT_COMMITTER_EMAIL=mmlock-gate@invalid", NULL,
	};
	strvec files = {0};
	VEC(const char *) args = {0};
	struct strbuf out = {0}, err = {0};
	int rc = patch_files(g->series, &files), status;

	if (rc)
		return rc;
	vec_push(&args, "am");
	vec_push(&args, "--committer-date-is-author-date");
	vec_push(&args, "--no-gpg-sign");
	vec_push(&args, "--quiet");
	vec_push(&args, "--");
	for (int i = 0; i < files.n; i++) {
		char *abs = realpath(files.v[i], NULL);

		vec_push(&args, abs ? abs : xstrdup(files.v[i]));
	}
	vec_push(&args, NULL);
	status = git_run(g->wt, args.v, env, &out, &err);
	while (status != 0 && !stop_signal && (strstr(out.s, "Patch is empty") ||
					       strstr(err.s, "Patch is empty"))) {
		sb_free(&out);
		sb_free(&err);
		status = git_run(g->wt, (const char *const[]){ "am", "--skip", NULL }, env, &out,
				 &err);
	}
	if (status != 0) {
		char *why = am_failure(g, out.s, err.s);

		rc = cannot_run("%s", why);
		free(why);
	}
	for (int i = 5; i < args.n - 1; i++)
		free((char *)args.v[i]);
	vec_free(&args);
	for (int i = 0; i < files.n; i++)
		free(files.v[i]);
	vec_free(&files);
	sb_free(&out);
	sb_free(&err);
	return rc;
}

static void add_path(struct gate *g, const char *path)
{
	for (int i = 0; i < g->paths.n; i++)
		if (g->paths.v[i] == path)
			return;
	vec_push(&g->paths, path);
}

/* The files each commit changes, with their blobs (renames as a delete and an add). */
static int read_changes(struct gate *g)
{
	for (int k = 0; k < g->patches.n; k++) {
		struct patch *p = &g->patches.v[k];
		struct strbuf out = {0}, err = {0};

		if (git(g->wt, &out, &err, "diff-tree", "-r", "-z", "--no-renames", "--no-abbrev",
			"--no-commit-id", "--raw", p->parent, p->commit, NULL) != 0) {
			int rc = cannot_run("git diff-tree %s: %s", p->commit, git_said(&err));

			sb_free(&out);
			sb_free(&err);
			return rc;
		}
		/* ":100644 100644 OLD NEW M\0path\0" */
		for (size_t at = 0; at < out.len;) {
			char *meta = out.s + at, *path = meta + strlen(meta) + 1;
			struct change c = {0};

			if (path >= out.s + out.len)
				break;
			at = path - out.s + strlen(path) + 1;
			if (meta[0] != ':' || sscanf(meta, ":%*o %*o %40s %40s", c.old, c.new) != 2)
				continue;
			c.path = intern(path);
			vec_push(&p->changes, c);
			add_path(g, c.path);
		}
		sb_free(&out);
		sb_free(&err);
	}
	return 0;
}

/* The blob path has after patch k (0: at BASE). */
static const char *blob_at(const struct gate *g, const char *path, int k)
{
	const char *blob = NULL;

	/* the last change at or before k; else the first change's old side */
	for (int i = 0; i < g->patches.n; i++)
		for (int c = 0; c < g->patches.v[i].changes.n; c++) {
			const struct change *ch = &g->patches.v[i].changes.v[c];

			if (ch->path != path)
				continue;
			if (i < k)
				blob = ch->new;
			else if (!blob)
				return ch->old;
		}
	return blob ? blob : NULL_BLOB;
}

/* What tu reads that the series changes, as it is after patch k. */
static char *input_key(const struct gate *g, const struct kb_tu *t, int k)
{
	struct strbuf sb = {0};

	sb_add(&sb, "");
	for (int i = 0; i < g->paths.n; i++)
		if (kb_tu_reads(t, g->paths.v[i]))
			sb_addf(&sb, "%s=%s;", g->paths.v[i], blob_at(g, g->paths.v[i], k));
	return sb.s;
}

static struct gate_result *cached(const struct gate *g, int tu, const char *key)
{
	for (int i = 0; i < g->cache.n; i++)
		if (g->cache.v[i].tu == tu && !strcmp(g->cache.v[i].key, key))
			return g->cache.v[i].result;
	return NULL;
}

/* One TU's process ended: its result, from the worktree as it is now. */
static void tu_done(struct tu *t, int status, void *ctx)
{
	struct gate *g = ctx;
	struct cached *c = &g->cache.v[(long)t->data];
	char why[128] = "";
	const char *json = t->out;

	if (WIFSIGNALED(status)) {
		snprintf(why, sizeof(why), "%s (signal %d)",
			 WTERMSIG(status) == SIGALRM ? "timed out" : "crashed", WTERMSIG(status));
		json = NULL;
	} else if (WEXITSTATUS(status) == 3) {
		snprintf(why, sizeof(why), "could not start the analysis");
		json = NULL;
	} else {
		snprintf(why, sizeof(why), "no report (exit %d)", WEXITSTATUS(status));
	}
	c->result = gate_result_import(json, g->wt, g->wt, t->file, why);
}

static bool exists_in(const char *dir, const char *rel)
{
	char *path = xasprintf("%s/%s", dir, rel);
	bool yes = access(path, F_OK) == 0;

	free(path);
	return yes;
}

/* Analyses, after patch k (0: BASE), the TUs whose inputs are in a state not seen yet. */
static bool analyse(struct gate *g, int k)
{
	VEC(struct tu) tus = {0};
	strvec names = {0};
	struct tu_runner runner = { .opt = &g->opt, .self = g->self, .done = tu_done, .ctx = g,
				    .stop = &stop_signal };
	char label[32];
	bool ok;

	for (int i = 0; i < g->kb.tus.n; i++) {
		struct kb_tu *t = &g->kb.tus.v[i];
		char *key = input_key(g, t, k);
		struct cached c = { i, key, NULL };

		if (cached(g, i, key)) {
			free(key);
			continue;
		}
		vec_push(&names, xstrdup(t->source));
		if (!exists_in(g->wt, t->source)) {	/* deleted by the series */
			c.result = gate_result_import(NULL, g->wt, g->wt, t->source, NULL);
			vec_push(&g->cache, c);
			continue;
		}
		vec_push(&g->cache, c);
		struct tu u = { .dir = g->wt, .file = t->source, .data = (void *)(long)(g->cache.n - 1) };

		u.argv = kb_tu_args(&g->kb, t, g->wt, &u.argc);
		vec_push(&tus, u);
	}
	if (k)
		snprintf(label, sizeof(label), "[%d/%d] ", k, g->patches.n);
	else
		snprintf(label, sizeof(label), "base ");
	runner.label = label;
	ok = tree_run(&runner, tus.v, tus.n);
	for (int i = 0; i < tus.n; i++) {
		for (int a = 0; a < tus.v[i].argc; a++)
			free(tus.v[i].argv[a]);
		free(tus.v[i].argv);
	}
	vec_free(&tus);
	g->revs[k].tus = names.v;
	g->revs[k].ntus = names.n;
	return ok;
}

/* Hands the report each TU's result after patch k; a TU that stopped parsing fails the gate. */
static void record(struct gate *g, int k)
{
	if (!g->last_good)
		g->last_good = xcalloc(g->kb.tus.n + 1, sizeof(*g->last_good));
	for (int i = 0; i < g->kb.tus.n; i++) {
		struct kb_tu *t = &g->kb.tus.v[i];
		char *key = input_key(g, t, k), *key0 = input_key(g, t, 0);
		struct gate_result *r = cached(g, i, key), *r0 = cached(g, i, key0);
		enum gate_problem p, p0;
		const char *why;

		free(key);
		free(key0);
		if (!r || !r0)	/* stopped before it was analysed */
			continue;
		p = gate_result_problem(r, &why);
		p0 = gate_result_problem(r0, NULL);
		if (k == 0 && p == GATE_FAILED)
			gate_report_error(g->report, "%s cannot be analysed at base %.12s: %s (do the "
					  "build directory's flags fit this tree?)", t->source,
					  g->base, why);
		else if (k == 0 && p == GATE_PARTIAL)
			gate_report_info(g->report, "%s at base: %s", t->source, why);
		else if (k && p > p0)
			gate_report_error(g->report, "%s %s after [%d/%d] %s (it did at base): %s",
					  t->source, p == GATE_FAILED ? "cannot be analysed" :
					  "no longer parses in full", k, g->patches.n,
					  g->patches.v[k - 1].subject, why);
		/* a TU that got worse keeps its last good result, so nothing looks fixed */
		if (k == 0 || p <= p0)
			g->last_good[i] = r;
		gate_report_add(g->report, k, g->last_good[i]);
	}
}

/* What the series changes that no TU of the build reads. */
static void report_unmapped(struct gate *g)
{
	for (int i = 0; i < g->paths.n; i++) {
		const char *p = g->paths.v[i];
		size_t len = strlen(p);
		bool read = false;

		for (int t = 0; t < g->kb.tus.n && !read; t++)
			read = kb_tu_reads(&g->kb.tus.v[t], p);
		if (!read && len > 2 && (!strcmp(p + len - 2, ".c") || !strcmp(p + len - 2, ".h")))
			gate_report_info(g->report, "%s: no TU of the build directory %s, not "
					 "analysed", p, !strcmp(p + len - 2, ".c") ?
					 "compiles it (not built in this configuration)" :
					 "includes it");
	}
}

static void fill_revs(struct gate *g, const char *base_subject)
{
	g->revs = xcalloc(g->patches.n + 1, sizeof(*g->revs));
	g->revs[0] = (struct gate_rev){ 0, xstrdup(g->base), xstrdup(base_subject), NULL, 0, NULL, 0 };
	for (int k = 1; k <= g->patches.n; k++) {
		struct patch *p = &g->patches.v[k - 1];
		struct gate_rev *r = &g->revs[k];

		r->number = k;
		r->commit = xstrdup(p->commit);
		r->subject = xstrdup(p->subject);
		r->files = xcalloc(p->changes.n + 1, sizeof(char *));
		for (int c = 0; c < p->changes.n; c++)
			r->files[r->nfiles++] = xstrdup(p->changes.v[c].path);
	}
}

static char *subject_of(const char *dir, const char *commit)
{
	struct strbuf out = {0};

	git(dir, &out, NULL, "rev-list", "--no-commit-header", "--max-count=1", "--format=%s",
	    commit, NULL);
	chomp(&out);
	return out.s ? out.s : xstrdup("");
}

/* Resolves the series and makes the worktree with every commit of it. */
static int set_up(struct gate *g)
{
	const char *dots = strstr(g->series, "..");
	struct strbuf out = {0}, err = {0};
	char *head = NULL;
	int rc = 0;

	if (git(g->repo_arg, &out, &err, "rev-parse", "--show-toplevel", NULL) != 0)
		return cannot_run("%s is not a git work tree: %s", g->repo_arg, git_said(&err));
	chomp(&out);
	g->repo = xstrdup(out.s);
	sb_free(&out);
	if (g->base_arg) {
		if (!(g->base = commit_id(g->repo, g->base_arg)))
			return cannot_run("--base=%s is not a commit of %s", g->base_arg, g->repo);
	} else if (dots && dots[2] != '.') {
		char *left = strndup(g->series, dots - g->series);
		const char *right = dots[2] ? dots + 2 : "HEAD";

		g->base = left[0] ? commit_id(g->repo, left) : NULL;
		head = commit_id(g->repo, right);
		if (!g->base || !head)
			rc = cannot_run("bad range %s: %s is not a commit of %s", g->series,
					!g->base ? (left[0] ? left : "(empty)") : right, g->repo);
		else if (git(g->repo, NULL, NULL, "merge-base", "--is-ancestor", g->base, head,
			     NULL) != 0)
			rc = cannot_run("bad range %s: %s is not an ancestor of %s", g->series, left,
					right);
		free(left);
		if (rc) {
			free(head);
			return rc;
		}
	} else {
		return cannot_run("%s is neither BASE..HEAD nor, without --base, usable as a "
				  "series (an mbox or patch directory needs --base=REV)", g->series);
	}
	g->tmp = xasprintf("%s/mmlock-gate.XXXXXX", getenv("TMPDIR") && *getenv("TMPDIR") ?
			   getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(g->tmp))
		return cannot_run("cannot make a temporary directory: %s", strerror(errno));
	g->wt = xasprintf("%s/wt", g->tmp);
	if (git(g->repo, NULL, &err, "worktree", "add", "--detach", "--quiet", g->wt, g->base,
		NULL) != 0) {
		rc = cannot_run("git worktree add: %s", git_said(&err));
		sb_free(&err);
		free(head);
		return rc;
	}
	g->wt_added = true;
	sb_free(&err);
	if (!head) {	/* mbox or patch directory: git am in the worktree */
		if ((rc = apply_series(g)))
			return rc;
		head = commit_id(g->wt, "HEAD");
	}
	rc = list_commits(g, g->wt, head);
	free(head);
	if (rc)
		return rc;
	return read_changes(g);
}

/* One report, in format, to path (NULL: stdout). */
static bool write_report(struct gate *g, enum report_format format, const char *path,
			 double seconds)
{
	struct report_output how = { format, MMLOCK_VERSION, g->repo, g->repo };
	FILE *out = path ? fopen(path, "w") : stdout;

	if (!out) {
		fprintf(stderr, "mmlock gate: cannot write %s: %s\n", path, strerror(errno));
		return false;
	}
	gate_report_write(g->report, out, &how, seconds);
	if (out != stdout)
		return fclose(out) == 0;
	return fflush(stdout) == 0;
}

static int finish(struct gate *g, double seconds)
{
	struct strbuf err = {0};
	int status = gate_report_classify(g->report);

	if (!write_report(g, g->opt.format, g->opt.output, seconds) ||
	    (g->json_out && !write_report(g, FMT_JSON, g->json_out, seconds)) ||
	    (g->sarif_out && !write_report(g, FMT_SARIF, g->sarif_out, seconds)))
		return 2;
	if (g->write_baseline) {
		if (!gate_report_write_baseline(g->report, g->baseline, &err)) {
			fprintf(stderr, "mmlock gate: %s\n", err.s);
			status = 2;
		} else if (status != 2) {
			fprintf(stderr, "mmlock gate: wrote the baseline %s\n", g->baseline);
			status = 0;
		}
	}
	sb_free(&err);
	return status;
}

static int run(struct gate *g)
{
	struct strbuf err = {0};
	struct timespec t0, t1;
	char *base_subject;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((rc = set_up(g)))
		return rc;
	if (!kbuild_load(&g->kb, g->build_arg ? g->build_arg : g->repo, g->paths.v, g->paths.n,
			 &err)) {
		rc = cannot_run("%s", err.s);
		sb_free(&err);
		return rc;
	}
	base_subject = subject_of(g->repo, g->base);
	fill_revs(g, base_subject);
	free(base_subject);
	g->report = gate_report_new(g->revs, g->patches.n);
	if ((g->baseline && !g->write_baseline &&
	     !gate_report_baseline(g->report, g->baseline, &err)) ||
	    (g->suppressions && !gate_report_suppressions(g->report, g->suppressions, &err))) {
		rc = cannot_run("%s", err.s);
		sb_free(&err);
		return rc;
	}
	report_unmapped(g);
	for (int k = 0; k <= g->patches.n; k++) {
		const char *rev = k ? g->patches.v[k - 1].commit : g->base;

		/* (git am left the worktree at the last patch) */
		if (git(g->wt, NULL, &err, "checkout", "--quiet", "--detach", rev, NULL) != 0) {
			rc = cannot_run("git checkout %s: %s", rev, git_said(&err));
			sb_free(&err);
			return rc;
		}
		if (!analyse(g, k) || stop_signal)
			return 2;
		record(g, k);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return finish(g, (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
}

static void gate_free(struct gate *g)
{
	for (int i = 0; i < g->cache.n; i++) {
		free(g->cache.v[i].key);
		gate_result_free(g->cache.v[i].result);
	}
	vec_free(&g->cache);
	free(g->last_good);
	if (g->report)
		gate_report_free(g->report);
	for (int k = 0; g->revs && k <= g->patches.n; k++) {
		struct gate_rev *r = &g->revs[k];

		for (int i = 0; i < r->nfiles; i++)
			free(r->files[i]);
		for (int i = 0; i < r->ntus; i++)
			free(r->tus[i]);
		free(r->files);
		free(r->tus);
		free(r->commit);
		free(r->subject);
	}
	free(g->revs);
	for (int i = 0; i < g->patches.n; i++) {
		free(g->patches.v[i].commit);
		free(g->patches.v[i].parent);
		free(g->patches.v[i].subject);
		vec_free(&g->patches.v[i].changes);
	}
	vec_free(&g->patches);
	vec_free(&g->paths);
	kbuild_free(&g->kb);
	options_free(&g->opt);
	free(g->repo);
	free(g->tmp);
	free(g->wt);
	free(g->base);
}

int gate_main(int argc, char **argv, const char *self)
{
	struct gate g = { .self = self, .repo_arg = "." };
	struct sigaction sa = { .sa_handler = on_signal };	/* no SA_RESTART: waits end */
	int rc;

	if (!parse_args(&g, argc, argv)) {
		options_free(&g.opt);
		return 2;
	}
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	git_set_stop(&stop_signal);
	active = &g;
	atexit(cleanup);	/* die() on the way too */
	rc = run(&g);
	if (stop_signal) {
		int sig = stop_signal;

		fprintf(stderr, "\nmmlock gate: stopped by signal %d; temporary worktree removed\n",
			sig);
		cleanup();
		signal(sig, SIG_DFL);
		raise(sig);
	}
	cleanup();
	gate_free(&g);
	return rc;
}
