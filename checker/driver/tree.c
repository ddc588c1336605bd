// SPDX-License-Identifier: GPL-2.0
/*
 * Tree mode: mmlock -p BUILD_DIR|compile_commands.json [-j N] [PATH...].
 * Every TU of the compilation database (restricted to PATHs) is analysed
 * by its own mmlock process, so a crash or a hang costs that file only;
 * the parent merges their JSON reports, shows progress on a terminal and
 * prints one sorted report and a summary.
 */
#include "tree.h"

#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../report/report.h"
#include "../util/util.h"
#include "kbuild.h"

#define TU_TIMEOUT 600		/* seconds one TU may take, unless --tu-timeout */

typedef VEC(struct tu) tu_list;

/* The child's alarm() is the only SIGALRM it gets: a timeout, not a crash. */
enum tu_end tu_end_of(int status)
{
	if (!WIFSIGNALED(status))
		return TU_EXITED;
	return WTERMSIG(status) == SIGALRM ? TU_TIMED_OUT : TU_CRASHED;
}

const char *tu_end_name(enum tu_end e)
{
	return e == TU_TIMED_OUT ? "timed out" : e == TU_CRASHED ? "crashed" : "exited";
}

int tree_split_command(const char *cmd, char ***out)
{
	VEC(char *) words = {0};
	struct strbuf w = {0};
	bool in = false;
	char q = 0;

	for (const char *p = cmd;; p++) {
		if (!*p || (!q && (*p == ' ' || *p == '\t' || *p == '\n'))) {
			if (in) {
				vec_push(&words, xstrdup(w.s ? w.s : ""));
				w.len = 0;
				if (w.s)
					w.s[0] = '\0';
				in = false;
			}
			if (!*p)
				break;
			continue;
		}
		in = true;
		if (q == '\'' ? *p == '\'' : q == '"' ? *p == '"' : false) {
			q = 0;
		} else if (!q && (*p == '\'' || *p == '"')) {
			q = *p;
		} else {
			char c[2] = { *p, 0 };

			if (*p == '\\' && q != '\'' && p[1])
				c[0] = *++p;
			sb_add(&w, c);
		}
	}
	sb_free(&w);
	*out = words.v;
	return words.n;
}

/* t's arguments: a compiler command's words (taken over), minus the compiler, -c, -o X and the file. */
static void command_args(struct tu *t, char **words, int n)
{
	t->argv = xcalloc(n + 1, sizeof(char *));
	for (int i = 1; i < n; i++) {
		if (!strcmp(words[i], "-o") && i + 1 < n) {
			free(words[i]);
			free(words[++i]);
			continue;
		}
		if (!strcmp(words[i], "-c") || !strcmp(words[i], t->file)) {
			free(words[i]);
			continue;
		}
		t->argv[t->argc++] = words[i];
	}
	if (n)
		free(words[0]);
	free(words);
}

/* Compiler arguments of a compilation database entry. */
static void entry_args(json_t *e, struct tu *t)
{
	json_t *args = json_object_get(e, "arguments");
	char **words = NULL;
	int n = 0;

	if (json_is_array(args)) {
		size_t i;
		json_t *a;

		words = xcalloc(json_array_size(args) + 1, sizeof(char *));
		json_array_foreach(args, i, a)
			words[n++] = xstrdup(json_string_value(a) ? json_string_value(a) : "");
	} else if (json_string_value(json_object_get(e, "command"))) {
		n = tree_split_command(json_string_value(json_object_get(e, "command")), &words);
	}
	command_args(t, words, n);
}

static bool wanted(const struct options *o, const char *dir, const char *file)
{
	char *abs = file[0] == '/' ? xstrdup(file) : xasprintf("%s/%s", dir, file);
	bool yes = o->nfiles == 0;

	for (int i = 0; i < o->nfiles && !yes; i++) {
		char *p = realpath(o->files[i], NULL);

		yes = p && !strncmp(abs, p, strlen(p));
		yes |= strstr(file, o->files[i]) == file;	/* relative to the build dir */
		free(p);
	}
	free(abs);
	return yes;
}

/*
 * A kbuild build directory without compile_commands.json: the commands of
 * its .o.cmd files (kbuild.c), each run where kbuild ran them.
 */
static bool load_kbuild(const struct options *o, const char *dir, tu_list *tus)
{
	struct kbuild kb;
	struct strbuf err = {0};

	if (!kbuild_load(&kb, dir, NULL, 0, &err)) {
		fprintf(stderr, "mmlock: %s\n", err.s);
		sb_free(&err);
		return false;
	}
	for (int i = 0; i < kb.tus.n; i++) {
		const struct kb_tu *k = &kb.tus.v[i];
		const char *file = kb_tu_source_word(&kb, k);
		struct tu t = {0};
		char **words;

		if (!file || !wanted(o, kb.build, file))
			continue;
		words = xcalloc(k->nwords + 1, sizeof(char *));
		for (int w = 0; w < k->nwords; w++)
			words[w] = xstrdup(k->words[w]);
		t.dir = xstrdup(kb.build);
		t.file = xstrdup(file);
		command_args(&t, words, k->nwords);
		vec_push(tus, t);
	}
	if (!kb.tus.n)
		fprintf(stderr, "mmlock: %s: no .o.cmd file of a C file: build it first, or give a "
			"compile_commands.json\n", kb.build);
	kbuild_free(&kb);
	return true;
}

static bool load_db(const struct options *o, tu_list *tus)
{
	struct stat sb;
	bool is_dir = stat(o->compdb, &sb) == 0 && S_ISDIR(sb.st_mode);
	char *path = is_dir ? xasprintf("%s/compile_commands.json", o->compdb) : xstrdup(o->compdb);
	json_error_t err;
	json_t *db, *e;
	size_t i;

	if (is_dir && stat(path, &sb) != 0) {
		char *config = xasprintf("%s/.config", o->compdb);
		bool kbuild = stat(config, &sb) == 0;

		free(config);
		if (kbuild) {
			free(path);
			return load_kbuild(o, o->compdb, tus);
		}
	}
	db = json_load_file(path, 0, &err);

	if (!json_is_array(db)) {
		fprintf(stderr, "mmlock: %s: not a compilation database (%s)\n", path, err.text);
		free(path);
		json_decref(db);
		return false;
	}
	json_array_foreach(db, i, e) {
		struct tu t = {0};
		const char *dir = json_string_value(json_object_get(e, "directory"));
		const char *file = json_string_value(json_object_get(e, "file"));
		size_t len = file ? strlen(file) : 0;

		if (!dir || !file || len < 2 || strcmp(file + len - 2, ".c") || !wanted(o, dir, file))
			continue;
		t.dir = xstrdup(dir);
		t.file = xstrdup(file);
		entry_args(e, &t);
		vec_push(tus, t);
	}
	free(path);
	json_decref(db);
	return true;
}

static pid_t spawn(const struct options *o, struct tu *t, const char *self, const char *tmpdir,
		   int idx)
{
	pid_t pid;

	free(t->out);
	t->out = xasprintf("%s/%d.json", tmpdir, idx);
	fflush(NULL);
	pid = fork();
	if (pid != 0)
		return pid;
	/* child: one check-mode run, JSON into t->out */
	char **argv = xcalloc(o->npassthrough + t->argc + 6, sizeof(char *));
	int n = 0;

	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	argv[n++] = (char *)self;
	argv[n++] = "--format=json";
	argv[n++] = "-o";
	argv[n++] = t->out;
	for (int i = 0; i < o->npassthrough; i++)
		argv[n++] = (char *)o->passthrough[i];
	for (int i = 0; i < t->argc; i++)
		argv[n++] = t->argv[i];
	argv[n++] = (char *)t->file;
	if (chdir(t->dir) != 0)
		_exit(3);
	alarm(o->tu_timeout > 0 ? o->tu_timeout : TU_TIMEOUT);	/* a hang ends this file, not the run */
	execv(self, argv);
	_exit(3);
}

/* Ends the children still running after a stop request. */
static void stop_all(struct tu *tus, int n)
{
	for (int i = 0; i < n; i++)
		if (tus[i].pid > 0)
			kill(tus[i].pid, SIGTERM);
	for (int i = 0; i < n; i++)
		if (tus[i].pid > 0) {
			while (waitpid(tus[i].pid, NULL, 0) < 0 && errno == EINTR)
				;
			unlink(tus[i].out);
			tus[i].pid = 0;
		}
	for (int i = 0; i < n; i++) {
		free(tus[i].out);
		tus[i].out = NULL;
	}
}

bool tree_run(struct tu_runner *r, struct tu *tus, int n)
{
	char *tmpdir = xasprintf("%s/mmlock.XXXXXX", getenv("TMPDIR") && *getenv("TMPDIR") ?
				 getenv("TMPDIR") : "/tmp");
	int jobs = r->opt->jobs > 0 ? r->opt->jobs : 1, running = 0, next = 0, done = 0;
	bool tty = isatty(2), stopped = false;
	struct timespec t0, t1;

	if (!mkdtemp(tmpdir))
		die("cannot make a temporary directory: %s", strerror(errno));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (done < n) {
		int status;
		pid_t pid;

		while (running < jobs && next < n && !(r->stop && *r->stop)) {
			tus[next].pid = spawn(r->opt, &tus[next], r->self, tmpdir, next);
			if (tus[next].pid < 0)
				die("cannot fork: %s", strerror(errno));
			next++;
			running++;
		}
		if (r->stop && *r->stop) {
			stop_all(tus, n);
			stopped = true;
			break;
		}
		pid = wait(&status);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0)
			break;
		for (int i = 0; i < n; i++)
			if (tus[i].pid == pid) {
				tus[i].pid = 0;
				running--;
				done++;
				r->done(&tus[i], status, r->ctx);
				unlink(tus[i].out);
				free(tus[i].out);
				tus[i].out = NULL;
			}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (tty)
			fprintf(stderr, "\r%s[%d/%d] %d findings, %ld s", r->label ? r->label : "",
				done, n, r->findings, (long)(t1.tv_sec - t0.tv_sec));
	}
	if (tty && n)
		fputc('\n', stderr);
	rmdir(tmpdir);
	free(tmpdir);
	return !stopped;
}

struct tree_run {
	struct report_summary sum;
	struct tu_runner *runner;
};

static void collect(struct tu *t, int status, void *ctx)
{
	struct tree_run *tr = ctx;
	char *path = t->file[0] == '/' ? xstrdup(t->file) : xasprintf("%s/%s", t->dir, t->file);
	const char *msg = NULL;

	enum tu_end end = tu_end_of(status);

	tr->sum.files++;
	if (end != TU_EXITED) {
		msg = report_notify(NOTIFY_PARSE_FAILURE, path, "%s (signal %d); the run goes on",
				    tu_end_name(end), WTERMSIG(status));
		if (end == TU_CRASHED)
			tr->sum.crashes++;
		else
			tr->sum.timeouts++;
	} else if (!report_import_json(t->out, t->dir, &tr->sum)) {
		msg = report_notify(NOTIFY_PARSE_FAILURE, path, "no report (exit %d)",
				    WEXITSTATUS(status));
		tr->sum.parse_failures++;
	}
	if (msg)
		fprintf(stderr, "\nmmlock: %s: %s\n", t->file, msg);
	tr->runner->findings = report_count();
	free(path);
}

/* The directory of the compilation database: where a kernel's sources are, in-tree. */
static char *db_dir(const char *compdb)
{
	struct stat sb;
	char *real = realpath(compdb, NULL), *slash;

	if (!real || (stat(real, &sb) == 0 && S_ISDIR(sb.st_mode)))
		return real;
	slash = strrchr(real, '/');
	if (slash == real)
		slash[1] = '\0';
	else
		*slash = '\0';
	return real;
}

int tree_main(const struct options *o, const char *self)
{
	tu_list tus = {0};
	struct tree_run tr = {0};
	struct tu_runner runner = { .opt = o, .self = self, .done = collect, .ctx = &tr };
	struct timespec t0, t1;
	struct report_output how = { o->format, MMLOCK_VERSION, o->source_root, NULL };
	char *root = NULL;
	FILE *out;

	if (!load_db(o, &tus))
		return 2;
	tr.runner = &runner;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	tree_run(&runner, tus.v, tus.n);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	out = o->format == FMT_TEXT ? stderr : stdout;
	if (o->output && !(out = fopen(o->output, "w"))) {
		fprintf(stderr, "mmlock: cannot write %s\n", o->output);
		return 2;
	}
	report_print_summary(stderr, &tr.sum, (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	if (!how.source_root)
		how.source_root = root = db_dir(o->compdb);
	report_flush(out, &how, &tr.sum);
	if (out != stdout && out != stderr)
		fclose(out);
	free(root);
	return 0;
}
