// SPDX-License-Identifier: GPL-2.0
#include "internal.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static finding_vec findings;
static notification_vec notifications;
static int function_start;	/* first finding of the current function */
static const char *current_function;

void report_begin_function(const char *function)
{
	function_start = findings.n;
	current_function = intern(function);
}

struct finding *report_warn(const char *check, struct ir_loc loc, const char *fmt, ...)
{
	struct finding *f;
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	for (int i = function_start; i < findings.n; i++) {
		struct finding *o = findings.v[i];

		/* one finding per check and line, whatever path or column found it first */
		if (o->check == check && o->loc.file == loc.file && o->loc.line == loc.line) {
			free(msg);
			return NULL;
		}
	}
	f = xcalloc(1, sizeof(*f));
	f->check = check;
	f->function = current_function;
	f->loc = loc;
	f->msg = msg;
	vec_push(&findings, f);
	return f;
}

void report_note(struct finding *f, struct ir_loc loc, const char *fmt, ...)
{
	struct note n = { loc, NULL };
	va_list ap;

	if (!f)
		return;
	va_start(ap, fmt);
	n.msg = xvasprintf(fmt, ap);
	va_end(ap);
	vec_push(&f->notes, n);
}

void finding_free(struct finding *f)
{
	for (int i = 0; i < f->notes.n; i++)
		free(f->notes.v[i].msg);
	vec_free(&f->notes);
	free(f->msg);
	free(f->fingerprint);
	free(f->suppression);
	json_decref(f->properties);
	free(f);
}

void report_end_function(bool keep)
{
	if (!keep) {
		for (int i = function_start; i < findings.n; i++)
			finding_free(findings.v[i]);
		findings.n = function_start;
	}
}

int report_count(void)
{
	return findings.n;
}

static const char *const notify_names[] = {
	[NOTIFY_PARSE_FAILURE] = "parse-failure",
	[NOTIFY_PARSE_ERRORS] = "parse-errors",
	[NOTIFY_GAVE_UP] = "gave-up",
};

const char *notify_kind_name(enum notify_kind kind)
{
	return notify_names[kind];
}

static bool notify_kind_from_name(const char *name, enum notify_kind *kind)
{
	for (size_t i = 0; i < ARRAY_SIZE(notify_names); i++)
		if (name && !strcmp(name, notify_names[i])) {
			*kind = i;
			return true;
		}
	return false;
}

const char *report_notify(enum notify_kind kind, const char *file, const char *fmt, ...)
{
	struct notification n = { kind, file ? intern(file) : NULL, NULL };
	va_list ap;

	va_start(ap, fmt);
	n.msg = xvasprintf(fmt, ap);
	va_end(ap);
	vec_push(&notifications, n);
	return n.msg;
}

/* A child's relative paths are relative to its TU's directory: make them absolute. */
static struct ir_loc loc_from_json(json_t *o, const char *dir)
{
	const char *file = json_string_value(json_object_get(o, "file"));
	char *joined = file && file[0] != '/' ? xasprintf("%s/%s", dir, file) : NULL;
	char *real = realpath(joined ? joined : file ? file : "", NULL);
	struct ir_loc loc = {
		intern(real ? real : joined ? joined : file),
		(unsigned)json_integer_value(json_object_get(o, "line")),
		(unsigned)json_integer_value(json_object_get(o, "column")),
	};

	free(real);
	free(joined);
	return loc;
}

/* The same finding from two TUs (a header, a file listed twice) is one. */
static bool already_reported(const char *check, struct ir_loc loc)
{
	for (int i = 0; i < findings.n; i++)
		if (findings.v[i]->check == check && findings.v[i]->loc.file == loc.file &&
		    findings.v[i]->loc.line == loc.line)
			return true;
	return false;
}

bool report_import_json(const char *path, const char *dir, struct report_summary *sum)
{
	json_error_t err;
	json_t *doc = json_load_file(path, 0, &err), *arr, *f, *s;
	size_t i, k;

	if (!doc || !(arr = json_object_get(doc, "findings")) || !json_is_array(arr)) {
		json_decref(doc);
		return false;
	}
	json_array_foreach(arr, i, f) {
		const char *check = json_string_value(json_object_get(f, "check"));
		const char *fn = json_string_value(json_object_get(f, "function"));
		struct finding *nf;
		json_t *n;

		if (!check || already_reported(intern(check), loc_from_json(f, dir)))
			continue;
		report_begin_function(fn ? fn : "");
		nf = report_warn(intern(check), loc_from_json(f, dir), "%s",
				 json_string_value(json_object_get(f, "message")));
		json_array_foreach(json_object_get(f, "notes"), k, n)
			report_note(nf, loc_from_json(n, dir), "%s",
				    json_string_value(json_object_get(n, "message")));
	}
	json_array_foreach(json_object_get(doc, "notifications"), i, f) {
		const char *msg = json_string_value(json_object_get(f, "message"));
		enum notify_kind kind;

		if (notify_kind_from_name(json_string_value(json_object_get(f, "kind")), &kind))
			report_notify(kind, json_object_get(f, "file") ? loc_from_json(f, dir).file : NULL,
				      "%s", msg ? msg : "");
	}
	if ((s = json_object_get(doc, "summary"))) {
		sum->functions += json_integer_value(json_object_get(s, "functions"));
		sum->gave_up += json_integer_value(json_object_get(s, "gave_up"));
		sum->parse_failures += json_integer_value(json_object_get(s, "parse_failures"));
		sum->crashes += json_integer_value(json_object_get(s, "crashes"));
		sum->timeouts += json_integer_value(json_object_get(s, "timeouts"));
	}
	json_decref(doc);
	return true;
}

void report_print_summary(FILE *out, const struct report_summary *sum, double seconds)
{
	const char *seen[64];
	int counts[64], n = 0;

	for (int i = 0; i < findings.n; i++) {
		int k = 0;

		while (k < n && seen[k] != findings.v[i]->check)
			k++;
		if (k == n && n < 64) {
			seen[n] = findings.v[i]->check;
			counts[n++] = 0;
		}
		if (k < n)
			counts[k]++;
	}
	fprintf(out, "mmlock: %d TUs, %d functions, %d given up on, %d parse failures, "
		"%d crashed, %d timed out, %d findings in %.1f s\n", sum->files, sum->functions,
		sum->gave_up, sum->parse_failures, sum->crashes, sum->timeouts, findings.n, seconds);
	for (int k = 0; k < n; k++)
		fprintf(out, "mmlock:   %-32s %d\n", seen[k], counts[k]);
}

static int str_cmp(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

int finding_cmp(const void *pa, const void *pb)
{
	const struct finding *a = *(struct finding *const *)pa, *b = *(struct finding *const *)pb;
	int r = str_cmp(a->loc.file, b->loc.file);

	if (r)
		return r;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	r = strcmp(a->check, b->check);
	return r ? r : strcmp(a->msg, b->msg);
}

/* The flagged line's text without white space: survives unrelated line shifts. */
static char *line_text(const char *file, unsigned line)
{
	FILE *f = file ? fopen(file, "r") : NULL;
	char buf[4096], *out;
	unsigned n = 0;
	size_t j = 0;

	if (!f)
		return xstrdup("");
	buf[0] = '\0';
	while (fgets(buf, sizeof(buf), f))
		if (++n == line)
			break;
	fclose(f);
	if (n != line)
		return xstrdup("");
	out = xmalloc(strlen(buf) + 1);
	for (size_t i = 0; buf[i]; i++)
		if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\n' && buf[i] != '\r')
			out[j++] = buf[i];
	out[j] = '\0';
	return out;
}

char *report_absolute(const char *path, const char *base)
{
	char *cwd = NULL, *joined, *real;

	if (path[0] == '/')
		joined = xstrdup(path);
	else if (base)
		joined = xasprintf("%s/%s", base, path);
	else if ((cwd = getcwd(NULL, 0)))
		joined = xasprintf("%s/%s", cwd, path);
	else
		return NULL;
	free(cwd);
	real = realpath(joined, NULL);
	if (!real)
		return joined;
	free(joined);
	return real;
}

const char *report_below(const char *abs, const char *root)
{
	size_t len = strlen(root);

	if (strncmp(abs, root, len))
		return NULL;
	if (len && root[len - 1] == '/')
		return abs[len] ? abs + len : NULL;
	return abs[len] == '/' && abs[len + 1] ? abs + len + 1 : NULL;
}

const char *finding_fingerprint(struct finding *f, const char *root, const char *base)
{
	const char *file = f->loc.file ? f->loc.file : "";
	char *abs, *text, *key;
	const char *rel;

	if (f->fingerprint)
		return f->fingerprint;
	abs = file[0] ? report_absolute(file, base) : NULL;
	rel = root && abs ? report_below(abs, root) : NULL;
	text = line_text(abs ? abs : file, f->loc.line);
	while (!rel && !strncmp(file, "./", 2))
		file += 2;
	key = xasprintf("%s|%s|%s|%s", f->check, rel ? rel : file,
			f->function ? f->function : "", text);
	f->fingerprint = xasprintf("%016llx", (unsigned long long)hash_bytes(key, strlen(key), 0));
	free(abs);
	free(text);
	free(key);
	return f->fingerprint;
}

static void print_text(FILE *out, const struct finding *f)
{
	fprintf(out, "%s:%u:%u: warning: %s [%s]\n", f->loc.file ? f->loc.file : "?",
		f->loc.line, f->loc.col, f->msg, f->check);
	for (int i = 0; i < f->notes.n; i++) {
		const struct note *n = &f->notes.v[i];

		fprintf(out, "%s:%u:%u: note: %s\n", n->loc.file ? n->loc.file : "?",
			n->loc.line, n->loc.col, n->msg);
	}
}

static json_t *loc_json(json_t *o, struct ir_loc loc)
{
	json_object_set_new(o, "file", json_string(loc.file ? loc.file : ""));
	json_object_set_new(o, "line", json_integer(loc.line));
	json_object_set_new(o, "column", json_integer(loc.col));
	return o;
}

json_t *finding_to_json(struct finding *f, const char *root, const char *base)
{
	json_t *o = loc_json(json_object(), f->loc), *notes = json_array();

	json_object_set_new(o, "check", json_string(f->check));
	json_object_set_new(o, "function", json_string(f->function ? f->function : ""));
	json_object_set_new(o, "message", json_string(f->msg));
	json_object_set_new(o, "fingerprint", json_string(finding_fingerprint(f, root, base)));
	for (int i = 0; i < f->notes.n; i++) {
		json_t *n = loc_json(json_object(), f->notes.v[i].loc);

		json_object_set_new(n, "message", json_string(f->notes.v[i].msg));
		json_array_append_new(notes, n);
	}
	json_object_set_new(o, "notes", notes);
	if (f->properties)
		json_object_update(o, f->properties);
	if (f->suppression)
		json_object_set_new(o, "accepted", json_string(f->suppression));
	return o;
}

static int notification_cmp(const void *pa, const void *pb)
{
	const struct notification *a = pa, *b = pb;
	int r = str_cmp(a->file, b->file);

	if (r)
		return r;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->msg, b->msg);
}

static void write_json(FILE *out, const struct report_summary *sum, const char *root,
		       const char *base)
{
	json_t *doc = json_object(), *arr = json_array(), *notes = json_array();
	json_t *s = json_object();

	for (int i = 0; i < findings.n; i++)
		json_array_append_new(arr, finding_to_json(findings.v[i], root, base));
	for (int i = 0; i < notifications.n; i++) {
		const struct notification *n = &notifications.v[i];
		json_t *o = json_object();

		json_object_set_new(o, "kind", json_string(notify_kind_name(n->kind)));
		if (n->file)
			json_object_set_new(o, "file", json_string(n->file));
		json_object_set_new(o, "message", json_string(n->msg));
		json_array_append_new(notes, o);
	}
	json_object_set_new(doc, "tool", json_string("mmlock"));
	json_object_set_new(doc, "findings", arr);
	json_object_set_new(doc, "notifications", notes);
	json_object_set_new(s, "files", json_integer(sum->files));
	json_object_set_new(s, "functions", json_integer(sum->functions));
	json_object_set_new(s, "gave_up", json_integer(sum->gave_up));
	json_object_set_new(s, "parse_failures", json_integer(sum->parse_failures));
	json_object_set_new(s, "crashes", json_integer(sum->crashes));
	json_object_set_new(s, "timeouts", json_integer(sum->timeouts));
	json_object_set_new(doc, "summary", s);
	json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(doc);
}

void report_flush(FILE *out, const struct report_output *o, const struct report_summary *sum)
{
	char *root = o->source_root ? report_absolute(o->source_root, NULL) : NULL;

	if (findings.n)		/* (qsort() of NULL is undefined, even for 0 elements) */
		qsort(findings.v, findings.n, sizeof(*findings.v), finding_cmp);
	if (notifications.n)
		qsort(notifications.v, notifications.n, sizeof(*notifications.v), notification_cmp);
	switch (o->format) {
	case FMT_TEXT:
		for (int i = 0; i < findings.n; i++)
			print_text(out, findings.v[i]);
		break;
	case FMT_JSON:
		write_json(out, sum, root, o->base_dir);
		break;
	case FMT_SARIF:
		sarif_write(out, o, sum, findings.v, findings.n, notifications.v, notifications.n,
			    NULL);
		break;
	}
	free(root);
	for (int i = 0; i < findings.n; i++)
		finding_free(findings.v[i]);
	findings.n = 0;
	function_start = 0;
	for (int i = 0; i < notifications.n; i++)
		free(notifications.v[i].msg);
	notifications.n = 0;
}

void report_take(finding_vec *f, notification_vec *n)
{
	*f = findings;
	*n = notifications;
	memset(&findings, 0, sizeof(findings));
	memset(&notifications, 0, sizeof(notifications));
	function_start = 0;
}
