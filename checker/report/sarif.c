// SPDX-License-Identifier: GPL-2.0
/*
 * SARIF 2.1.0 output: the findings and notifications report.c collected,
 * for code-scanning services and IDEs. One run, one rule per check of the
 * registry (all of them, so a ruleIndex means the same whichever checks
 * were enabled), one result per finding. The notes that explain a path
 * become relatedLocations rather than a codeFlow: they are not always one
 * path in order (lock-leak's notes come from two paths). The fingerprint
 * is the one the JSON report has, under a versioned key, so a service can
 * match a finding across runs after unrelated edits moved it.
 *
 * Paths below the source root are given relative to the %SRCROOT% base, so
 * a report made in one checkout reads in another; other paths as absolute
 * file: URIs, or as given (relative) when no root is known.
 */
#include "internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../checks/check.h"

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define ROOT_ID "SRCROOT"
#define FINGERPRINT_KEY "mmlockFingerprint/v2"

/* A path as the path part of a URI: letters, digits, "-._~/+" kept, the rest %XX. */
static char *uri_path(const char *prefix, const char *path, const char *suffix)
{
	struct strbuf sb = {0};

	sb_add(&sb, prefix);
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/+", *p))
			sb_addf(&sb, "%c", *p);
		else
			sb_addf(&sb, "%%%02X", *p);
	}
	sb_add(&sb, suffix);
	return sb.s;
}

static json_t *artifact_location(const char *file, const char *root, const char *base)
{
	json_t *o = json_object();
	char *abs = NULL, *uri;
	const char *rel = NULL;

	while (!strncmp(file, "./", 2))
		file += 2;
	if (root && (abs = report_absolute(file, base)))
		rel = report_below(abs, root);
	uri = rel ? uri_path("", rel, "") : uri_path(file[0] == '/' ? "file://" : "", file, "");
	json_object_set_new(o, "uri", json_string(uri));
	if (rel)
		json_object_set_new(o, "uriBaseId", json_string(ROOT_ID));
	free(uri);
	free(abs);
	return o;
}

static json_t *message(const char *text)
{
	return json_pack("{s:s}", "text", text);
}

/* A location in a file; line 0 (unknown) has no region, column 0 no startColumn. */
static json_t *physical_location(struct ir_loc loc, const char *root, const char *base)
{
	json_t *o = json_object(), *region = json_object();

	json_object_set_new(o, "artifactLocation", artifact_location(loc.file, root, base));
	if (loc.line) {
		json_object_set_new(region, "startLine", json_integer(loc.line));
		if (loc.col)
			json_object_set_new(region, "startColumn", json_integer(loc.col));
		json_object_set_new(o, "region", region);
	} else {
		json_decref(region);
	}
	return o;
}

static json_t *location(struct ir_loc loc, const char *root, const char *base)
{
	return loc.file ? json_pack("{s:o}", "physicalLocation", physical_location(loc, root, base)) :
			  json_object();
}

static json_t *tool(const struct report_output *o)
{
	json_t *rules = json_array();

	for (int i = 0; i < nchecks; i++)
		json_array_append_new(rules, json_pack("{s:s, s:o, s:{s:s}}",
			"id", checks[i].id, "shortDescription", message(checks[i].summary),
			"defaultConfiguration", "level", "warning"));
	return json_pack("{s:{s:s, s:s, s:o}}", "driver", "name", "mmlock",
			 "version", o->version ? o->version : "unknown", "rules", rules);
}

static json_t *result(struct finding *f, const char *root, const char *base)
{
	json_t *r = json_object(), *loc = location(f->loc, root, base), *related = json_array();

	json_object_set_new(r, "ruleId", json_string(f->check));
	for (int i = 0; i < nchecks; i++)
		if (!strcmp(checks[i].id, f->check))
			json_object_set_new(r, "ruleIndex", json_integer(i));
	json_object_set_new(r, "level", json_string("warning"));
	json_object_set_new(r, "message", message(f->msg));
	if (f->function && f->function[0])
		json_object_set_new(loc, "logicalLocations",
				    json_pack("[{s:s, s:s}]", "name", f->function, "kind", "function"));
	json_object_set_new(r, "locations", json_pack("[o]", loc));
	for (int i = 0; i < f->notes.n; i++) {
		json_t *n = json_pack("{s:i}", "id", i + 1);

		json_object_update_new(n, location(f->notes.v[i].loc, root, base));
		json_object_set_new(n, "message", message(f->notes.v[i].msg));
		json_array_append_new(related, n);
	}
	if (f->notes.n)
		json_object_set_new(r, "relatedLocations", related);
	else
		json_decref(related);
	json_object_set_new(r, "partialFingerprints", json_pack("{s:s}", FINGERPRINT_KEY,
				finding_fingerprint(f, root, base)));
	if (f->baseline_state)
		json_object_set_new(r, "baselineState", json_string(f->baseline_state));
	if (f->suppression)
		json_object_set_new(r, "suppressions", json_pack("[{s:s, s:s, s:s}]", "kind", "external",
				    "status", "accepted", "justification", f->suppression));
	if (f->properties)
		json_object_set(r, "properties", f->properties);
	return r;
}

static json_t *notification(const struct notification *n, const char *root, const char *base)
{
	static const char *const level[] = {
		[NOTIFY_PARSE_FAILURE] = "error",
		[NOTIFY_PARSE_ERRORS] = "warning",
		[NOTIFY_GAVE_UP] = "note",
	};
	json_t *o = json_pack("{s:s, s:o, s:{s:s}}", "level", level[n->kind],
			      "message", message(n->msg), "descriptor", "id", notify_kind_name(n->kind));

	if (n->file)
		json_object_set_new(o, "locations", json_pack("[o]",
				    location((struct ir_loc){ n->file, 0, 0 }, root, base)));
	return o;
}

/* A file that could not be analysed makes the run unsuccessful; findings do not. */
static json_t *invocation(const struct report_summary *sum, const char *root, const char *base,
			  const struct notification *notes, int nnotes)
{
	json_t *arr = json_array();

	for (int i = 0; i < nnotes; i++)
		json_array_append_new(arr, notification(&notes[i], root, base));
	return json_pack("{s:b, s:o, s:{s:i, s:i, s:i, s:i, s:i, s:i}}",
			 "executionSuccessful",
			 sum->parse_failures == 0 && sum->crashes == 0 && sum->timeouts == 0,
			 "toolExecutionNotifications", arr,
			 "properties", "files", sum->files, "functions", sum->functions,
			 "gaveUp", sum->gave_up, "parseFailures", sum->parse_failures,
			 "crashes", sum->crashes, "timeouts", sum->timeouts);
}

void sarif_write(FILE *out, const struct report_output *o, const struct report_summary *sum,
		 struct finding *const *findings, int nfindings,
		 const struct notification *notes, int nnotes, json_t *run_props)
{
	char *root = o->source_root ? report_absolute(o->source_root, NULL) : NULL;
	json_t *run = json_object(), *results = json_array(), *doc;

	json_object_set_new(run, "tool", tool(o));
	json_object_set_new(run, "invocations",
			    json_pack("[o]", invocation(sum, root, o->base_dir, notes, nnotes)));
	if (root) {
		char *uri = uri_path("file://", root, root[strlen(root) - 1] == '/' ? "" : "/");

		json_object_set_new(run, "originalUriBaseIds",
				    json_pack("{s:{s:s}}", ROOT_ID, "uri", uri));
		free(uri);
	}
	for (int i = 0; i < nfindings; i++)
		json_array_append_new(results, result(findings[i], root, o->base_dir));
	json_object_set_new(run, "results", results);
	if (run_props)
		json_object_set(run, "properties", run_props);
	doc = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0", "runs", run);
	json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(doc);
	free(root);
}
