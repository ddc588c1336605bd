// SPDX-License-Identifier: GPL-2.0
/*
 * The gate's classification. Each revision (BASE, then after each patch)
 * has the findings of every TU the series affects: a TU the patch did not
 * touch keeps the result it had. A finding is known by its fingerprint
 * (check, file, function, the flagged line's text: not its line number),
 * with an occurrence number when the same fingerprint appears more than
 * once in a revision (a line duplicated by a patch), so it is followed
 * across the series however the lines moved:
 *
 *	new		after the last patch, not at BASE; introduced by the
 *			last patch before which it was absent
 *	fixed		at BASE, not after the last patch; fixed by the last
 *			patch after which it was absent
 *	pre-existing	at BASE and after the last patch
 *	transient	introduced and fixed within the series: reported, not
 *			counted (the series as a whole does not add it)
 *
 * Only new findings that neither the baseline nor the suppression file
 * accepts make the gate fail.
 */
#include "gate_report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct gate_result {
	char *tu;
	finding_vec findings;
	notification_vec notes;
	struct report_summary sum;
	enum gate_problem problem;
	char *why;
};

enum status { ST_NEW, ST_PRE, ST_FIXED, ST_TRANSIENT };
static const char *const status_names[] = { "new", "pre-existing", "fixed", "transient" };

struct item {
	struct finding *f;	/* after the last patch; fixed: at BASE; transient: where it appeared */
	enum status status;
	int patch;		/* new, transient: introduced by; fixed: fixed by */
	int gone;		/* transient: fixed by */
	const char *accepted;	/* why, when the baseline or a suppression accepts it */
};

struct rev_state {
	VEC(struct gate_result *) results;
	finding_vec findings;	/* of every result, duplicates dropped, sorted */
	char **keys;		/* fingerprint, "#N" for the Nth repeat */
};

struct accept {
	char *fingerprint;
	char *reason;
};

struct gate_report {
	struct gate_rev *revs;
	int npatches;
	struct rev_state *state;	/* [0] BASE ... [npatches] */
	VEC(char *) errors;
	VEC(char *) infos;
	VEC(struct accept) accepts;
	VEC(struct item) items;
	int count[4], accepted, exit_status;
};

/* --- one TU's result ---------------------------------------------------- */

static const char *relative(const char *file, const char *root)
{
	const char *rel = file ? report_below(file, root) : NULL;

	return rel ? intern(rel) : file;
}

struct gate_result *gate_result_import(const char *json, const char *dir, const char *root,
				       const char *tu, const char *why)
{
	struct gate_result *r = xcalloc(1, sizeof(*r));

	r->tu = xstrdup(tu);
	if (!json && !why)	/* nothing to analyse (the file is not there): nothing found */
		return r;
	if (!json || !report_import_json(json, dir, &r->sum)) {
		r->problem = GATE_FAILED;
		r->why = xstrdup(why ? why : "no report");
		report_take(&r->findings, &r->notes);	/* nothing, or a partial import */
		return r;
	}
	report_take(&r->findings, &r->notes);
	for (int i = 0; i < r->findings.n; i++) {
		struct finding *f = r->findings.v[i];

		finding_fingerprint(f, root, NULL);	/* now: root holds this revision */
		f->loc.file = relative(f->loc.file, root);
		for (int k = 0; k < f->notes.n; k++)
			f->notes.v[k].loc.file = relative(f->notes.v[k].loc.file, root);
	}
	for (int i = 0; i < r->notes.n; i++) {
		struct notification *n = &r->notes.v[i];
		enum gate_problem p = n->kind == NOTIFY_PARSE_FAILURE ? GATE_FAILED :
				      n->kind == NOTIFY_PARSE_ERRORS ? GATE_PARTIAL : GATE_OK;

		n->file = relative(n->file, root);
		if (p > r->problem) {
			r->problem = p;
			free(r->why);
			r->why = xstrdup(n->msg);
		}
	}
	return r;
}

enum gate_problem gate_result_problem(const struct gate_result *r, const char **why)
{
	if (why)
		*why = r->why;
	return r->problem;
}

int gate_result_count(const struct gate_result *r)
{
	return r->findings.n;
}

void gate_result_free(struct gate_result *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->findings.n; i++)
		finding_free(r->findings.v[i]);
	vec_free(&r->findings);
	for (int i = 0; i < r->notes.n; i++)
		free(r->notes.v[i].msg);
	vec_free(&r->notes);
	free(r->why);
	free(r->tu);
	free(r);
}

/* --- collecting ----------------------------------------------------------- */

struct gate_report *gate_report_new(struct gate_rev *revs, int npatches)
{
	struct gate_report *g = xcalloc(1, sizeof(*g));

	g->revs = revs;
	g->npatches = npatches;
	g->state = xcalloc(npatches + 1, sizeof(*g->state));
	return g;
}

void gate_report_add(struct gate_report *g, int rev, struct gate_result *r)
{
	vec_push(&g->state[rev].results, r);
}

void gate_report_error(struct gate_report *g, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vec_push(&g->errors, xvasprintf(fmt, ap));
	va_end(ap);
}

void gate_report_info(struct gate_report *g, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vec_push(&g->infos, xvasprintf(fmt, ap));
	va_end(ap);
}

/* --- acceptance: baseline and suppressions ------------------------------- */

static bool is_fingerprint(const char *s, size_t len)
{
	if (len != 16)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!strchr("0123456789abcdef", s[i]))
			return false;
	return true;
}

bool gate_report_baseline(struct gate_report *g, const char *path, struct strbuf *err)
{
	json_error_t jerr;
	json_t *doc = json_load_file(path, 0, &jerr), *arr, *e;
	size_t i;

	if (!doc) {
		sb_addf(err, "%s: %s", path, jerr.text);
		return false;
	}
	arr = json_object_get(doc, "findings");
	if (!json_is_array(arr) || json_integer_value(json_object_get(doc, "baseline")) != 1) {
		sb_addf(err, "%s: not an mmlock baseline (mmlock gate --write-baseline makes one)", path);
		json_decref(doc);
		return false;
	}
	json_array_foreach(arr, i, e) {
		const char *fp = json_string_value(json_object_get(e, "fingerprint"));

		if (!fp || !is_fingerprint(fp, strlen(fp))) {
			sb_addf(err, "%s: entry %zu has no valid fingerprint", path, i + 1);
			json_decref(doc);
			return false;
		}
		vec_push(&g->accepts, ((struct accept){ xstrdup(fp),
				       xasprintf("in the baseline %s", path) }));
	}
	json_decref(doc);
	return true;
}

/* "FINGERPRINT REASON" per line, '#' comments; the reason is mandatory. */
bool gate_report_suppressions(struct gate_report *g, const char *path, struct strbuf *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int n = 0;
	bool ok = true;

	if (!f) {
		sb_addf(err, "%s: cannot read", path);
		return false;
	}
	while (ok && getline(&line, &cap, f) >= 0) {
		char *p = line, *fp, *reason, *end;

		n++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\n' || !*p)
			continue;
		fp = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		if (!is_fingerprint(fp, p - fp)) {
			sb_addf(err, "%s:%d: expected a 16-digit fingerprint, then the reason", path, n);
			ok = false;
			break;
		}
		reason = p;
		while (*reason == ' ' || *reason == '\t')
			reason++;
		end = reason + strlen(reason);
		while (end > reason && (end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\t' ||
					end[-1] == '\r'))
			*--end = '\0';
		if (!*reason) {
			sb_addf(err, "%s:%d: suppression of %.16s without a reason (one is required)",
				path, n, fp);
			ok = false;
			break;
		}
		vec_push(&g->accepts, ((struct accept){ strndup(fp, 16), xstrdup(reason) }));
	}
	free(line);
	fclose(f);
	return ok;
}

static const char *accepted(const struct gate_report *g, const struct finding *f)
{
	for (int i = 0; i < g->accepts.n; i++)
		if (!strcmp(g->accepts.v[i].fingerprint, f->fingerprint))
			return g->accepts.v[i].reason;
	return NULL;
}

/* --- classification ------------------------------------------------------- */

static bool same_finding(const struct finding *a, const struct finding *b)
{
	return a->check == b->check && a->loc.line == b->loc.line &&
	       !strcmp(a->loc.file ? a->loc.file : "", b->loc.file ? b->loc.file : "") &&
	       !strcmp(a->fingerprint, b->fingerprint);
}

static void build_state(struct rev_state *s)
{
	for (int i = 0; i < s->results.n; i++) {
		struct gate_result *r = s->results.v[i];

		for (int k = 0; k < r->findings.n; k++) {
			bool dup = false;

			/* a file compiled twice, a header seen from two TUs: one finding */
			for (int j = 0; j < s->findings.n && !dup; j++)
				dup = same_finding(s->findings.v[j], r->findings.v[k]);
			if (!dup)
				vec_push(&s->findings, r->findings.v[k]);
		}
	}
	if (s->findings.n)
		qsort(s->findings.v, s->findings.n, sizeof(*s->findings.v), finding_cmp);
	s->keys = xcalloc(s->findings.n + 1, sizeof(char *));
	for (int i = 0; i < s->findings.n; i++) {
		int seen = 0;

		for (int j = 0; j < i; j++)
			seen += !strcmp(s->findings.v[j]->fingerprint, s->findings.v[i]->fingerprint);
		s->keys[i] = seen ? xasprintf("%s#%d", s->findings.v[i]->fingerprint, seen + 1) :
				    xstrdup(s->findings.v[i]->fingerprint);
	}
}

static bool has(const struct rev_state *s, const char *key)
{
	for (int i = 0; i < s->findings.n; i++)
		if (!strcmp(s->keys[i], key))
			return true;
	return false;
}

static void add_item(struct gate_report *g, struct finding *f, enum status st, int patch, int gone)
{
	struct item it = { f, st, patch, gone, NULL };

	if (st == ST_NEW || st == ST_PRE)
		it.accepted = accepted(g, f);
	g->count[st]++;
	if (it.accepted)
		g->accepted++;
	vec_push(&g->items, it);
}

int gate_report_classify(struct gate_report *g)
{
	int n = g->npatches;
	struct rev_state *base = &g->state[0], *head = &g->state[n];

	for (int r = 0; r <= n; r++)
		build_state(&g->state[r]);
	for (int i = 0; i < head->findings.n; i++) {
		const char *key = head->keys[i];
		int intro = n;

		if (has(base, key)) {
			add_item(g, head->findings.v[i], ST_PRE, 0, 0);
			continue;
		}
		while (intro > 1 && has(&g->state[intro - 1], key))
			intro--;
		add_item(g, head->findings.v[i], ST_NEW, intro, 0);
	}
	for (int i = 0; i < base->findings.n; i++) {
		const char *key = base->keys[i];
		int fix = n;

		if (has(head, key))
			continue;
		while (fix > 1 && !has(&g->state[fix - 1], key))
			fix--;
		add_item(g, base->findings.v[i], ST_FIXED, fix, 0);
	}
	for (int r = 1; r < n; r++) {
		struct rev_state *s = &g->state[r];

		for (int i = 0; i < s->findings.n; i++) {
			const char *key = s->keys[i];
			int gone = r + 1;

			if (has(base, key) || has(head, key) || has(&g->state[r - 1], key))
				continue;
			while (has(&g->state[gone], key))
				gone++;
			add_item(g, s->findings.v[i], ST_TRANSIENT, r, gone);
		}
	}
	g->exit_status = 0;
	for (int i = 0; i < g->items.n; i++)
		if (g->items.v[i].status == ST_NEW && !g->items.v[i].accepted)
			g->exit_status = 1;
	if (g->errors.n)
		g->exit_status = 2;
	return g->exit_status;
}

/* --- output --------------------------------------------------------------- */

static const char *short_id(const char *commit)
{
	static char buf[13];

	snprintf(buf, sizeof(buf), "%s", commit ? commit : "?");
	return buf;
}

static void text_finding(FILE *out, const char *prefix, const struct finding *f)
{
	fprintf(out, "%s%s:%u:%u: warning: %s [%s]\n", prefix, f->loc.file ? f->loc.file : "?",
		f->loc.line, f->loc.col, f->msg, f->check);
	for (int i = 0; i < f->notes.n; i++) {
		const struct note *n = &f->notes.v[i];

		fprintf(out, "   %s:%u:%u: note: %s\n", n->loc.file ? n->loc.file : "?",
			n->loc.line, n->loc.col, n->msg);
	}
}

static void text_patch_line(FILE *out, const struct gate_report *g, int k)
{
	fprintf(out, "[%d/%d] %s %s", k, g->npatches, short_id(g->revs[k].commit),
		g->revs[k].subject);
}

static bool file_has_new(const struct gate_report *g, const char *file, int patch)
{
	for (int i = 0; i < g->items.n; i++)
		if (g->items.v[i].status == ST_NEW && g->items.v[i].patch == patch &&
		    !strcmp(g->items.v[i].f->loc.file, file))
			return true;
	return false;
}

static void write_text(struct gate_report *g, FILE *out, double seconds)
{
	int n = g->npatches, shown = 0;

	fprintf(out, "mmlock gate: %d patch%s on base %s %s\n", n, n == 1 ? "" : "es",
		short_id(g->revs[0].commit), g->revs[0].subject);
	for (int k = 1; k <= n; k++) {
		fputs("  ", out);
		text_patch_line(out, g, k);
		fputc('\n', out);
	}
	for (int k = 0; k <= n; k++) {
		if (!g->revs[k].ntus)
			continue;
		if (k)
			fprintf(out, "analysed after [%d/%d]:", k, n);
		else
			fputs("analysed at base:", out);
		for (int i = 0; i < g->revs[k].ntus; i++)
			fprintf(out, " %s", g->revs[k].tus[i]);
		fputc('\n', out);
	}
	for (int i = 0; i < g->infos.n; i++)
		fprintf(out, "note: %s\n", g->infos.v[i]);
	/* per patch, 0-day style: its new warnings, with the others of the same files */
	for (int k = 1; k <= n; k++) {
		bool any = false;

		for (int i = 0; i < g->items.n && !any; i++)
			any = g->items.v[i].status == ST_NEW && g->items.v[i].patch == k;
		if (!any)
			continue;
		fprintf(out, "\ncommit: %s (\"[%d/%d] %s\")\nbase:   %s (\"%s\")\n",
			g->revs[k].commit, k, n, g->revs[k].subject, g->revs[0].commit,
			g->revs[0].subject);
		if (k < n)	/* the lines below are the head's */
			fprintf(out, "head:   %s (\"[%d/%d] %s\")\n", g->revs[n].commit, n, n,
				g->revs[n].subject);
		fputs("All warnings (new ones prefixed by >>):\n\n", out);
		for (int i = 0; i < g->items.n; i++) {
			const struct item *it = &g->items.v[i];

			if (it->status == ST_NEW && it->patch == k) {
				text_finding(out, ">> ", it->f);
				if (it->accepted)
					fprintf(out, "   accepted: %s\n", it->accepted);
			} else if ((it->status == ST_PRE || it->status == ST_NEW) &&
				   file_has_new(g, it->f->loc.file, k)) {
				text_finding(out, "   ", it->f);
			}
		}
	}
	for (int st = ST_PRE; st <= ST_TRANSIENT; st++) {
		static const char *const title[] = {
			[ST_PRE] = "Pre-existing warnings in the files analysed (for context)",
			[ST_FIXED] = "Fixed by the series",
			[ST_TRANSIENT] = "Introduced and fixed within the series (not counted)",
		};

		if (!g->count[st])
			continue;
		fprintf(out, "\n%s:\n", title[st]);
		for (int i = 0; i < g->items.n; i++) {
			const struct item *it = &g->items.v[i];

			if (it->status != (enum status)st)
				continue;
			if (st == ST_FIXED) {
				fputs("   fixed by ", out);
				text_patch_line(out, g, it->patch);
				fputs(" (as it was at base):\n", out);
			} else if (st == ST_TRANSIENT) {
				fprintf(out, "   introduced by [%d/%d], fixed by [%d/%d]:\n", it->patch, n,
					it->gone, n);
			}
			text_finding(out, "   ", it->f);
			if (it->accepted)
				fprintf(out, "   accepted: %s\n", it->accepted);
		}
	}
	if (g->errors.n) {
		fputs("\nThe gate could not run in full:\n", out);
		for (int i = 0; i < g->errors.n; i++)
			fprintf(out, "error: %s\n", g->errors.v[i]);
	}
	fprintf(out, "\nmmlock gate: %d new", g->count[ST_NEW]);
	for (int k = 1; k <= n; k++) {
		int c = 0;

		for (int i = 0; i < g->items.n; i++)
			c += g->items.v[i].status == ST_NEW && g->items.v[i].patch == k;
		if (c)
			fprintf(out, "%s%d by [%d/%d]", shown++ ? ", " : " (", c, k, n);
	}
	fprintf(out, "%s, %d fixed, %d pre-existing, %d transient, %d accepted; %.1f s; exit %d\n",
		shown ? ")" : "", g->count[ST_FIXED], g->count[ST_PRE], g->count[ST_TRANSIENT],
		g->accepted, seconds, g->exit_status);
}

static json_t *rev_json(const struct gate_report *g, int k)
{
	const struct gate_rev *r = &g->revs[k];
	json_t *o = json_pack("{s:i, s:s, s:s}", "number", k, "commit", r->commit ? r->commit : "",
			      "subject", r->subject ? r->subject : "");
	json_t *files = json_array(), *tus = json_array();

	for (int i = 0; i < r->nfiles; i++)
		json_array_append_new(files, json_string(r->files[i]));
	for (int i = 0; i < r->ntus; i++)
		json_array_append_new(tus, json_string(r->tus[i]));
	if (k)
		json_object_set_new(o, "files", files);
	else
		json_decref(files);
	json_object_set_new(o, "analysed", tus);
	return o;
}

static json_t *patch_ref(const struct gate_report *g, int k)
{
	return json_pack("{s:i, s:i, s:s, s:s}", "number", k, "of", g->npatches,
			 "commit", g->revs[k].commit, "subject", g->revs[k].subject);
}

/* The status and patch of each item, on its finding, for JSON and SARIF. */
static void annotate(struct gate_report *g)
{
	for (int i = 0; i < g->items.n; i++) {
		struct item *it = &g->items.v[i];
		struct finding *f = it->f;
		json_t *p = json_pack("{s:s}", "status", status_names[it->status]);

		if (it->status == ST_NEW || it->status == ST_TRANSIENT)
			json_object_set_new(p, "introduced_by", patch_ref(g, it->patch));
		if (it->status == ST_FIXED)
			json_object_set_new(p, "fixed_by", patch_ref(g, it->patch));
		if (it->status == ST_TRANSIENT)
			json_object_set_new(p, "fixed_by", patch_ref(g, it->gone));
		json_decref(f->properties);
		f->properties = p;
		f->baseline_state = it->status == ST_NEW ? "new" : it->status == ST_PRE ? "unchanged" :
				    it->status == ST_FIXED ? "absent" : NULL;
		free(f->suppression);
		f->suppression = it->accepted ? xstrdup(it->accepted) : NULL;
	}
}

static json_t *strings(char **v, int n)
{
	json_t *a = json_array();

	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static json_t *series_json(const struct gate_report *g, double seconds)
{
	json_t *patches = json_array();

	for (int k = 1; k <= g->npatches; k++)
		json_array_append_new(patches, rev_json(g, k));
	return json_pack("{s:o, s:o, s:o, s:o, s:{s:i, s:i, s:i, s:i, s:i, s:i, s:f}}",
			 "base", rev_json(g, 0), "patches", patches,
			 "errors", strings(g->errors.v, g->errors.n),
			 "info", strings(g->infos.v, g->infos.n),
			 "summary", "new", g->count[ST_NEW], "fixed", g->count[ST_FIXED],
			 "pre_existing", g->count[ST_PRE], "transient", g->count[ST_TRANSIENT],
			 "accepted", g->accepted, "exit_status", g->exit_status, "seconds", seconds);
}

static void head_summary(const struct gate_report *g, struct report_summary *sum,
			 notification_vec *notes)
{
	const struct rev_state *head = &g->state[g->npatches];

	memset(sum, 0, sizeof(*sum));
	memset(notes, 0, sizeof(*notes));
	for (int i = 0; i < head->results.n; i++) {
		const struct gate_result *r = head->results.v[i];

		sum->files++;
		sum->functions += r->sum.functions;
		sum->gave_up += r->sum.gave_up;
		sum->parse_failures += r->problem == GATE_FAILED;
		for (int k = 0; k < r->notes.n; k++)
			vec_push(notes, r->notes.v[k]);
	}
	if (g->errors.n && !sum->parse_failures)
		sum->parse_failures = g->errors.n;	/* the run did not succeed */
}

void gate_report_write(struct gate_report *g, FILE *out, const struct report_output *o,
		       double seconds)
{
	char *root = o->source_root ? report_absolute(o->source_root, NULL) : NULL;

	annotate(g);
	if (o->format == FMT_TEXT) {
		write_text(g, out, seconds);
	} else if (o->format == FMT_JSON) {
		json_t *doc = json_pack("{s:s, s:s, s:s}", "tool", "mmlock", "version",
					o->version ? o->version : "", "mode", "gate");
		json_t *arr = json_array();

		json_object_update_new(doc, series_json(g, seconds));
		for (int i = 0; i < g->items.n; i++)
			json_array_append_new(arr, finding_to_json(g->items.v[i].f, root, o->base_dir));
		json_object_set_new(doc, "findings", arr);
		json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', out);
		json_decref(doc);
	} else {
		/* the state after the last patch: new and pre-existing findings */
		finding_vec now = {0};
		notification_vec notes;
		struct report_summary sum;
		json_t *props = json_pack("{s:o}", "mmlockGate", series_json(g, seconds));

		for (int i = 0; i < g->items.n; i++)
			if (g->items.v[i].status == ST_NEW || g->items.v[i].status == ST_PRE)
				vec_push(&now, g->items.v[i].f);
		head_summary(g, &sum, &notes);
		sarif_write(out, o, &sum, now.v, now.n, notes.v, notes.n, props);
		json_decref(props);
		vec_free(&now);
		vec_free(&notes);
	}
	free(root);
}

bool gate_report_write_baseline(struct gate_report *g, const char *path, struct strbuf *err)
{
	json_t *doc = json_pack("{s:s, s:i, s:s}", "tool", "mmlock", "baseline", 1, "comment",
				"findings accepted by mmlock gate --baseline, matched by fingerprint");
	json_t *arr = json_array();
	int rc;

	for (int i = 0; i < g->items.n; i++) {
		const struct finding *f = g->items.v[i].f;

		if (g->items.v[i].status != ST_NEW && g->items.v[i].status != ST_PRE)
			continue;
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:s}",
				      "fingerprint", f->fingerprint, "check", f->check,
				      "file", f->loc.file ? f->loc.file : "",
				      "function", f->function ? f->function : "", "message", f->msg));
	}
	json_object_set_new(doc, "findings", arr);
	rc = json_dump_file(doc, path, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(doc);
	if (rc)
		sb_addf(err, "cannot write %s", path);
	return !rc;
}

void gate_report_free(struct gate_report *g)
{
	for (int r = 0; r <= g->npatches; r++) {
		struct rev_state *s = &g->state[r];

		for (int i = 0; s->keys && i < s->findings.n; i++)
			free(s->keys[i]);
		free(s->keys);
		vec_free(&s->findings);
		vec_free(&s->results);
	}
	free(g->state);
	for (int i = 0; i < g->errors.n; i++)
		free(g->errors.v[i]);
	vec_free(&g->errors);
	for (int i = 0; i < g->infos.n; i++)
		free(g->infos.v[i]);
	vec_free(&g->infos);
	for (int i = 0; i < g->accepts.n; i++) {
		free(g->accepts.v[i].fingerprint);
		free(g->accepts.v[i].reason);
	}
	vec_free(&g->accepts);
	vec_free(&g->items);
	free(g);
}
