// SPDX-License-Identifier: GPL-2.0
/*
 * mmlock gate: a patch series in, the findings it introduces out, each
 * with the patch that introduced it.
 *
 *	mmlock gate [options] BASE..HEAD
 *	mmlock gate [options] [--base=REV] SERIES.mbox|PATCH_DIR
 *
 * series.c turns the series into commits of the user's repository (git am
 * in a temporary worktree for mail: the user's checkout is never touched)
 * with the files each changes. The TUs a patch affects are the .c files it
 * changes and those whose kbuild dependencies (deps_ in the build
 * directory's .o.cmd files, kbuild.c) name a file it changes, and the .c
 * files it adds that their Makefile lists (with a sibling's command).
 *
 * Each TU is analysed once per state of its inputs: at BASE, and after
 * each patch that changes one of them; a TU whose inputs are as at an
 * earlier revision keeps that revision's result. All these analyses run
 * together, -j at a time, through tree.c's runner (one mmlock process
 * each), each in a snapshot of its revision: a directory holding, from
 * git's objects, only the files the TUs read and the files the series
 * changes (a kernel's 80,000 files take longer to write and delete than
 * the whole analysis). The build's compiler command is pointed at the
 * snapshot, the generated headers staying in the build directory. A
 * snapshot is deleted once its analyses are done. gate_report.c
 * classifies the findings by fingerprint and writes the report.
 *
 * What runs: git (hooks disabled, see git.c) and mmlock itself. Nothing
 * from the tree under test is executed, and no make.
 */
#include "gate.h"

#include <ctype.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
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
#include "series.h"
#include "tree.h"

typedef VEC(char *) strvec;
typedef VEC(const char *) pathvec;

/* A TU analysed with its inputs in one state. */
struct cached {
	int tu;			/* index in kbuild's list */
	int rev;		/* the first revision with that state: where it is analysed */
	char *key;		/* the blobs of its inputs the series changes */
	struct gate_result *result;
};

/* A revision's files, while analyses of it run. */
struct snapshot {
	char *dir;		/* NULL: none (nothing to analyse there, or deleted) */
	int pending;		/* analyses not done yet */
};

struct gate {
	/* the command line */
	struct options opt;	/* analysis options, -j, --format, -o */
	const char *repo_arg, *build_arg, *base_arg, *series, *baseline, *suppressions;
	const char *json_out, *sarif_out;	/* more reports, beside the main one */
	bool write_baseline;
	const char *self;
	/* the run */
	char *tmp;		/* private temporary directory */
	struct series s;
	struct kbuild kb;
	VEC(struct cached) cache;
	struct snapshot *snaps;	/* per revision */
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

static void rm_rf(const char *path)
{
	nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Removes the worktree (and git's record of it) and the temporary directory. */
static void cleanup(void)
{
	struct gate *g = active;

	if (!g)
		return;
	active = NULL;
	stop_signal = 0;	/* let git run once more */
	series_close(&g->s);
	if (g->tmp)
		rm_rf(g->tmp);
}

static void usage(void)
{
	printf("usage: mmlock gate [options] BASE..HEAD\n"
	       "       mmlock gate [options] [--base=REV] SERIES.mbox|PATCH_DIR\n\n"
	       "Analyses the TUs a patch series affects at BASE and after each patch, and\n"
	       "reports the findings it introduces, each with its patch. Exit 0: no new\n"
	       "finding; 1: new findings; 2: the gate could not run.\n\n"
	       "  -C DIR, --repo=DIR     the kernel git tree (default: the current directory);\n"
	       "                         never modified: mail is applied in a temporary\n"
	       "                         worktree, the files analysed are written apart\n"
	       "  --build-dir=DIR        a configured kernel build of that tree (its .o.cmd\n"
	       "                         files give flags and dependencies; default: the tree)\n"
	       "  --base=REV             where an mbox or patch directory applies (git am);\n"
	       "                         default: its base-commit: line (format-patch --base)\n"
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

static int cmp_ptr(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	return x < y ? -1 : x > y;
}

/* What tu reads that the series changes, as it is after patch k. */
static char *input_key(const struct gate *g, const struct kb_tu *t, int k)
{
	struct strbuf sb = {0};

	sb_add(&sb, "");
	for (int i = 0; i < g->s.paths.n; i++)
		if (kb_tu_reads(t, g->s.paths.v[i]))
			sb_addf(&sb, "%s=%s;", g->s.paths.v[i], series_blob_at(&g->s, g->s.paths.v[i], k));
	return sb.s;
}

static struct gate_result *cached(const struct gate *g, int tu, const char *key)
{
	for (int i = 0; i < g->cache.n; i++)
		if (g->cache.v[i].tu == tu && !strcmp(g->cache.v[i].key, key))
			return g->cache.v[i].result;
	return NULL;
}

static bool is_cached(const struct gate *g, int tu, const char *key)
{
	for (int i = 0; i < g->cache.n; i++)
		if (g->cache.v[i].tu == tu && !strcmp(g->cache.v[i].key, key))
			return true;
	return false;
}

/* Every file of the base (git ls-tree), interned, sorted by address. */
static int base_files(struct gate *g, pathvec *files)
{
	struct strbuf out = {0}, err = {0};
	int rc = 0;

	if (git(g->s.repo, &out, &err, "ls-tree", "-r", "-z", "--name-only", "--full-tree",
		g->s.base, NULL) != 0) {
		rc = gate_fail("git ls-tree %s: %s", g->s.base, err.len ? err.s : "(no message)");
	} else {
		for (size_t at = 0; at < out.len; at += strlen(out.s + at) + 1)
			vec_push(files, intern(out.s + at));
		if (files->n)
			qsort(files->v, files->n, sizeof(*files->v), cmp_ptr);
	}
	sb_free(&out);
	sb_free(&err);
	return rc;
}

/* Is path (interned) in the tree after patch k? */
static bool present(const struct gate *g, const char *const *base, int nbase, const char *path,
		    int k)
{
	const char *blob = series_blob_at(&g->s, path, k);

	if (blob)
		return strcmp(blob, NULL_BLOB) != 0;
	return nbase && bsearch(&path, base, nbase, sizeof(*base), cmp_ptr);
}

/*
 * The snapshot of revision k: the files the TUs read and the files the
 * series changes, as they are after patch k, written from git's objects
 * through a private index (GIT_INDEX_FILE): the repository's index and
 * files are not touched.
 */
static int make_snapshot(struct gate *g, int k, const char *const *base, int nbase)
{
	char *index = xasprintf("%s/index.%d", g->tmp, k), *list = xasprintf("%s/files.%d", g->tmp, k);
	char *env_index = xasprintf("GIT_INDEX_FILE=%s", index);
	const char *env[] = { env_index, NULL };
	char *dir = xasprintf("%s/rev-%d", g->tmp, k), *work_tree = xasprintf("--work-tree=%s", dir);
	pathvec want = {0};
	struct strbuf err = {0};
	FILE *f = fopen(list, "w");
	int rc = 0;

	for (int i = 0; i < g->kb.tus.n; i++)
		for (int n = 0; n < g->kb.tus.v[i].ninputs; n++)
			vec_push(&want, g->kb.tus.v[i].inputs[n]);
	for (int i = 0; i < g->s.paths.n; i++)
		vec_push(&want, g->s.paths.v[i]);
	if (want.n)
		qsort(want.v, want.n, sizeof(*want.v), cmp_ptr);
	for (int i = 0; f && i < want.n; i++)
		if ((!i || want.v[i] != want.v[i - 1]) && present(g, base, nbase, want.v[i], k))
			fprintf(f, "%s%c", want.v[i], 0);
	if (!f || fclose(f) != 0 || mkdir(dir, 0700) != 0)
		rc = gate_fail("cannot write in %s: %s", g->tmp, strerror(errno));
	else if (git_run(g->s.repo, (const char *const[]){ "read-tree", series_commit(&g->s, k),
			 NULL }, env, NULL, &err) != 0 ||
		 git_run_input(g->s.repo, (const char *const[]){ work_tree, "checkout-index",
			       "--force", "-z", "--stdin", NULL }, env, list, NULL, &err) != 0)
		rc = gate_fail("writing the files of %.12s: %s", series_commit(&g->s, k),
			       err.len ? err.s : "(no message)");
	if (!rc)
		g->snaps[k].dir = dir;
	else
		free(dir);
	unlink(index);
	unlink(list);
	free(index);
	free(list);
	free(env_index);
	free(work_tree);
	vec_free(&want);
	sb_free(&err);
	return rc;
}

static void snapshot_done(struct gate *g, int k)
{
	if (--g->snaps[k].pending == 0 && g->snaps[k].dir) {
		rm_rf(g->snaps[k].dir);
		free(g->snaps[k].dir);
		g->snaps[k].dir = NULL;
	}
}

/* One TU's process ended: its result, read from its snapshot, which is still there. */
static void tu_done(struct tu *t, int status, void *ctx)
{
	struct gate *g = ctx;
	struct cached *c = &g->cache.v[(long)t->data];
	char why[128] = "";
	const char *json = t->out;

	if (tu_end_of(status) != TU_EXITED) {
		snprintf(why, sizeof(why), "%s (signal %d)",
			 tu_end_name(tu_end_of(status)), WTERMSIG(status));
		json = NULL;
	} else if (WEXITSTATUS(status) == 3) {
		snprintf(why, sizeof(why), "could not start the analysis");
		json = NULL;
	} else {
		snprintf(why, sizeof(why), "no report (exit %d)", WEXITSTATUS(status));
	}
	c->result = gate_result_import(json, t->dir, t->dir, t->file, why);
	snapshot_done(g, c->rev);
}

static bool exists_in(const char *dir, const char *rel)
{
	char *path = xasprintf("%s/%s", dir, rel);
	bool yes = access(path, F_OK) == 0;

	free(path);
	return yes;
}

/*
 * Plans the analyses (one per TU and state of its inputs, at the first
 * revision with that state), writes the snapshots they need and runs them.
 */
static int analyse(struct gate *g)
{
	int n = g->s.patches.n, rc = 0;
	pathvec base = {0};
	VEC(struct tu) tus = {0};
	struct tu_runner runner = { .opt = &g->opt, .self = g->self, .done = tu_done, .ctx = g,
				    .stop = &stop_signal, .label = "analysing " };

	g->snaps = xcalloc(n + 1, sizeof(*g->snaps));
	for (int k = 0; k <= n; k++) {
		strvec names = {0};

		for (int i = 0; i < g->kb.tus.n; i++) {
			char *key = input_key(g, &g->kb.tus.v[i], k);

			if (is_cached(g, i, key)) {
				free(key);
				continue;
			}
			vec_push(&g->cache, ((struct cached){ i, k, key, NULL }));
			vec_push(&names, xstrdup(g->kb.tus.v[i].source));
			g->snaps[k].pending++;
		}
		g->revs[k].tus = names.v;
		g->revs[k].ntus = names.n;
	}
	if ((rc = base_files(g, &base)))
		goto out;
	for (int k = 0; k <= n && !rc && !stop_signal; k++)
		if (g->snaps[k].pending)
			rc = make_snapshot(g, k, base.v, base.n);
	if (rc || stop_signal)
		goto out;
	for (int ci = 0; ci < g->cache.n; ci++) {
		struct cached *c = &g->cache.v[ci];
		const struct kb_tu *t = &g->kb.tus.v[c->tu];
		const char *dir = g->snaps[c->rev].dir;
		struct tu u = { .dir = dir, .file = t->source, .data = (void *)(long)ci };

		if (!exists_in(dir, t->source)) {	/* deleted by the series: nothing to find */
			c->result = gate_result_import(NULL, dir, dir, t->source, NULL);
			snapshot_done(g, c->rev);
			continue;
		}
		u.argv = kb_tu_args(&g->kb, t, dir, &u.argc);
		vec_push(&tus, u);
	}
	if (!tree_run(&runner, tus.v, tus.n))
		rc = 2;
out:
	for (int i = 0; i < tus.n; i++) {
		for (int a = 0; a < tus.v[i].argc; a++)
			free(tus.v[i].argv[a]);
		free(tus.v[i].argv);
	}
	vec_free(&tus);
	vec_free(&base);
	return rc;
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
					  g->s.base, why);
		else if (k == 0 && p == GATE_PARTIAL)
			gate_report_info(g->report, "%s at base: %s", t->source, why);
		else if (k && p > p0)
			gate_report_error(g->report, "%s %s after [%d/%d] %s (it did at base): %s",
					  t->source, p == GATE_FAILED ? "cannot be analysed" :
					  "no longer parses in full", k, g->s.patches.n,
					  g->s.patches.v[k - 1].subject, why);
		/* a TU that got worse keeps its last good result, so nothing looks fixed */
		if (k == 0 || p <= p0)
			g->last_good[i] = r;
		gate_report_add(g->report, k, g->last_good[i]);
	}
}

static bool is_read(const struct gate *g, const char *path)
{
	for (int t = 0; t < g->kb.tus.n; t++)
		if (kb_tu_reads(&g->kb.tus.v[t], path))
			return true;
	return false;
}

/* Does the Makefile or Kbuild of path's directory, at the series' tip, list its object? */
static bool makefile_lists(const struct gate *g, const char *path)
{
	const char *slash = strrchr(path, '/'), *b = slash ? slash + 1 : path;
	int dlen = slash ? (int)(slash - path + 1) : 0;
	char *obj = xasprintf("%.*s.o", (int)(strlen(b) - 2), b);
	bool listed = false;

	for (int k = 0; k < 2 && !listed; k++) {
		char *spec = xasprintf("%s:%.*s%s", series_commit(&g->s, g->s.patches.n), dlen, path,
				       k ? "Kbuild" : "Makefile");
		struct strbuf out = {0};

		if (git(g->s.repo, &out, NULL, "show", spec, NULL) == 0 && out.s)
			for (const char *m = strstr(out.s, obj); m && !listed; m = strstr(m + 1, obj))
				listed = (m == out.s || strchr(" \t=+", m[-1])) &&
					 !(isalnum((unsigned char)m[strlen(obj)]) || m[strlen(obj)] == '_');
		sb_free(&out);
		free(spec);
	}
	free(obj);
	return listed;
}

/*
 * A .c file the series adds, that its directory's Makefile lists, has no
 * kbuild command yet: it is analysed with a sibling's (kbuild_borrow()).
 */
static void borrow_commands(struct gate *g)
{
	for (int i = 0; i < g->s.paths.n; i++) {
		const char *p = g->s.paths.v[i], *base = series_blob_at(&g->s, p, 0);
		size_t len = strlen(p);

		if (len > 2 && !strcmp(p + len - 2, ".c") && base && !strcmp(base, NULL_BLOB) &&
		    !is_read(g, p) && makefile_lists(g, p))
			kbuild_borrow(&g->kb, p);
	}
}

/* What the series changes that no TU of the build reads; commands borrowed. */
static void report_unmapped(struct gate *g)
{
	for (int t = 0; t < g->kb.tus.n; t++)
		if (g->kb.tus.v[t].flags_from)
			gate_report_info(g->report, "%s: added by the series and listed in its "
					 "Makefile: analysed with the flags kbuild used for %s",
					 g->kb.tus.v[t].source, g->kb.tus.v[t].flags_from);
	for (int i = 0; i < g->s.paths.n; i++) {
		const char *p = g->s.paths.v[i];
		size_t len = strlen(p);

		if (!is_read(g, p) && len > 2 && (!strcmp(p + len - 2, ".c") || !strcmp(p + len - 2, ".h")))
			gate_report_info(g->report, "%s: no TU of the build directory %s, not "
					 "analysed", p, !strcmp(p + len - 2, ".c") ?
					 "compiles it (not built in this configuration)" :
					 "includes it");
	}
}

/* One report, in format, to path (NULL: stdout). */
static bool write_report(struct gate *g, enum report_format format, const char *path,
			 double seconds)
{
	struct report_output how = { format, MMLOCK_VERSION, g->s.repo, g->s.repo };
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
	if (g->write_baseline && status == 2) {
		fprintf(stderr, "mmlock gate: the baseline %s is not written: the gate did not run "
			"in full\n", g->baseline);
	} else if (g->write_baseline) {
		if (!gate_report_write_baseline(g->report, g->baseline, &err)) {
			fprintf(stderr, "mmlock gate: %s\n", err.s);
			status = 2;
		} else {
			fprintf(stderr, "mmlock gate: wrote the baseline %s\n", g->baseline);
			status = 0;
		}
	}
	sb_free(&err);
	return status;
}

static void fill_revs(struct gate *g)
{
	int n = g->s.patches.n;

	g->revs = xcalloc(n + 1, sizeof(*g->revs));
	g->revs[0] = (struct gate_rev){ 0, xstrdup(g->s.base), xstrdup(g->s.base_subject), NULL, 0,
					NULL, 0 };
	for (int k = 1; k <= n; k++) {
		struct patch *p = &g->s.patches.v[k - 1];
		struct gate_rev *r = &g->revs[k];

		r->number = k;
		r->commit = xstrdup(p->commit);
		r->subject = xstrdup(p->subject);
		r->files = xcalloc(p->changes.n + 1, sizeof(char *));
		for (int c = 0; c < p->changes.n; c++)
			r->files[r->nfiles++] = xstrdup(p->changes.v[c].path);
	}
}

static int run(struct gate *g)
{
	struct strbuf err = {0};
	struct timespec t0, t1;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	g->tmp = xasprintf("%s/mmlock-gate.XXXXXX", getenv("TMPDIR") && *getenv("TMPDIR") ?
			   getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(g->tmp)) {
		free(g->tmp);
		g->tmp = NULL;
		return gate_fail("cannot make a temporary directory: %s", strerror(errno));
	}
	if ((rc = series_open(&g->s, g->repo_arg, g->series, g->base_arg, g->tmp)))
		return rc;
	static const char *const no_paths[1];

	/* (paths NULL would mean every TU of the build) */
	if (!kbuild_load(&g->kb, g->build_arg ? g->build_arg : g->s.repo,
			 g->s.paths.n ? g->s.paths.v : no_paths, g->s.paths.n, &err)) {
		rc = gate_fail("%s", err.s);
		sb_free(&err);
		return rc;
	}
	borrow_commands(g);
	fill_revs(g);
	g->report = gate_report_new(g->revs, g->s.patches.n);
	if ((g->baseline && !g->write_baseline &&
	     !gate_report_baseline(g->report, g->baseline, &err)) ||
	    (g->suppressions && !gate_report_suppressions(g->report, g->suppressions, &err))) {
		rc = gate_fail("%s", err.s);
		sb_free(&err);
		return rc;
	}
	report_unmapped(g);
	if ((rc = analyse(g)) || stop_signal)
		return 2;
	for (int k = 0; k <= g->s.patches.n; k++)
		record(g, k);
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
	for (int k = 0; g->revs && k <= g->s.patches.n; k++) {
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
	for (int k = 0; g->snaps && k <= g->s.patches.n; k++)
		free(g->snaps[k].dir);
	free(g->snaps);
	series_free(&g->s);
	kbuild_free(&g->kb);
	options_free(&g->opt);
	free(g->tmp);
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

		cleanup();
		fprintf(stderr, "\nmmlock gate: stopped by signal %d; temporary files removed\n", sig);
		signal(sig, SIG_DFL);
		raise(sig);
	}
	cleanup();
	gate_free(&g);
	return rc;
}
