// SPDX-License-Identifier: GPL-2.0
/*
 * A patch series as commits: resolved with git rev-parse and rev-list,
 * applied with git am when it comes as mail. What is run is listed in
 * docs/gate.md; every git command goes through git.c (no shell, no hook).
 */
#include "series.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "git.h"

typedef VEC(char *) strvec;

int gate_fail(const char *fmt, ...)
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

/* git's error output, for a message. */
static const char *git_said(struct strbuf *err)
{
	chomp(err);
	return err->len ? err->s : "(no message)";
}

/* The full id of rev as a commit of dir's repository, or NULL. */
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

static char *subject_of(const char *dir, const char *commit)
{
	struct strbuf out = {0};

	git(dir, &out, NULL, "rev-list", "--no-commit-header", "--max-count=1", "--format=%s",
	    commit, NULL);
	chomp(&out);
	return out.s ? out.s : xstrdup("");
}

/* The series' commits from the base to head, oldest first; each must have one parent. */
static int list_commits(struct series *s, const char *head)
{
	struct strbuf out = {0}, err = {0};
	char *range = xasprintf("%s..%s", s->base, head);
	int rc = 0;

	if (git(s->repo, &out, &err, "rev-list", "--no-commit-header", "--reverse", "--topo-order",
		"--format=%H%x01%P%x01%s", range, NULL) != 0) {
		rc = gate_fail("git rev-list %s: %s", range, git_said(&err));
		goto out;
	}
	for (char *line = strtok(out.s, "\n"); line; line = strtok(NULL, "\n")) {
		char *p1 = strchr(line, 1), *p2 = p1 ? strchr(p1 + 1, 1) : NULL;
		struct patch p = {0};

		if (!p2)
			continue;
		*p1 = *p2 = '\0';
		if (strchr(p1 + 1, ' ')) {
			rc = gate_fail("%s is a merge: the gate takes a linear series", line);
			goto out;
		}
		p.commit = xstrdup(line);
		p.parent = xstrdup(p1 + 1);
		p.subject = xstrdup(p2 + 1);
		vec_push(&s->patches, p);
	}
	if (!s->patches.n)
		rc = gate_fail("no commit in %s", range);
	else if (strcmp(s->patches.v[0].parent, s->base))
		rc = gate_fail("%s does not start at %s", range, s->base);
out:
	sb_free(&out);
	sb_free(&err);
	free(range);
	return rc;
}

/*
 * An mbox, or a directory of git format-patch files in name order, the
 * cover letter left out unless with_cover (it has the base-commit: line).
 * quiet: say nothing when there is none.
 */
static int patch_files(const char *spec, strvec *files, bool with_cover, bool quiet)
{
	struct stat sb;

	if (stat(spec, &sb) != 0)
		return quiet ? 2 : gate_fail("%s: %s", spec, strerror(errno));
	if (S_ISDIR(sb.st_mode)) {
		DIR *d = opendir(spec);
		struct dirent *e;

		while (d && (e = readdir(d))) {
			char *path = xasprintf("%s/%s", spec, e->d_name);

			if (e->d_name[0] != '.' &&
			    (with_cover || strcmp(e->d_name, "0000-cover-letter.patch")) &&
			    stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
				vec_push(files, path);
			else
				free(path);
		}
		if (d)
			closedir(d);
		if (!files->n)
			return quiet ? 2 : gate_fail("%s: no patch files", spec);
		qsort(files->v, files->n, sizeof(char *), strp_cmp);
	} else {
		vec_push(files, xstrdup(spec));
	}
	return 0;
}

static void free_files(strvec *files)
{
	for (int i = 0; i < files->n; i++)
		free(files->v[i]);
	vec_free(files);
}

/* The "base-commit: ID" line git format-patch --base (and b4) writes, in the series' files. */
static char *base_commit_line(const char *spec)
{
	strvec files = {0};
	char *id = NULL;

	if (patch_files(spec, &files, true, true))
		return NULL;
	for (int i = 0; i < files.n && !id; i++) {
		FILE *f = fopen(files.v[i], "r");
		char line[256];

		while (f && !id && fgets(line, sizeof(line), f)) {
			size_t n;

			if (strncmp(line, "base-commit: ", 13))
				continue;
			n = strspn(line + 13, "0123456789abcdef");
			if (n >= 7 && n <= 64)
				id = strndup(line + 13, n);
		}
		if (f)
			fclose(f);
	}
	free_files(&files);
	return id;
}

/*
 * Why git am stopped: "patch 0002 (subject) does not apply on BASE", then
 * git's "error:" lines (which file, which hunk), without its hints.
 */
static char *am_failure(const struct series *s, const char *out, const char *err)
{
	const char *srcs[] = { out, err }, *at = NULL;
	struct strbuf sb = {0};

	for (int i = 0; i < 2 && !at; i++)
		at = srcs[i] ? strstr(srcs[i], "Patch failed at ") : NULL;
	if (at) {
		size_t num = strcspn(at += strlen("Patch failed at "), " \n");
		const char *subject = at + num + (at[num] == ' ');

		sb_addf(&sb, "patch %.*s (%.*s) does not apply on %.12s", (int)num, at,
			(int)strcspn(subject, "\n"), subject, s->base);
	} else {
		sb_addf(&sb, "the series does not apply on %.12s", s->base);
	}
	for (int i = 0; i < 2; i++)
		for (const char *l = srcs[i]; l && *l; l += strcspn(l, "\n") + (l[strcspn(l, "\n")] != 0))
			if (!strncmp(l, "error:", 6) || !strncmp(l, "fatal:", 6) ||
			    (!at && strncmp(l, "hint:", 5) && l[0] != '\n'))
				sb_addf(&sb, "\n  %.*s", (int)strcspn(l, "\n"), l);
	return sb.s;
}

/*
 * git am of the series onto the base, in a worktree made without a
 * checkout: its index has the base, and git am checks out each file it
 * patches. A message without a patch (a cover letter in an mbox) is
 * skipped.
 */
static int apply_series(struct series *s, const char *spec, const char *tmp)
{
	static const char *const env[] = {
		"GIT_COMMITTER_NAME=mmlock gate", "GIT_COMMITTER_EMAIL=mmlock-gate@invalid", NULL,
	};
	strvec files = {0};
	VEC(const char *) args = {0};
	struct strbuf out = {0}, err = {0};
	int rc = patch_files(spec, &files, false, false), status, fixed;

	if (rc)
		return rc;
	s->wt = xasprintf("%s/am", tmp);
	if (git(s->repo, NULL, &err, "worktree", "add", "--detach", "--no-checkout", "--quiet",
		s->wt, s->base, NULL) != 0) {
		rc = gate_fail("git worktree add: %s", git_said(&err));
		goto out;
	}
	s->wt_added = true;
	if (git(s->wt, NULL, &err, "read-tree", s->base, NULL) != 0) {
		rc = gate_fail("git read-tree: %s", git_said(&err));
		goto out;
	}
	vec_push(&args, "am");
	vec_push(&args, "--committer-date-is-author-date");
	vec_push(&args, "--no-gpg-sign");
	vec_push(&args, "--quiet");
	vec_push(&args, "--");
	fixed = args.n;
	for (int i = 0; i < files.n; i++) {
		char *abs = realpath(files.v[i], NULL);

		vec_push(&args, abs ? abs : xstrdup(files.v[i]));
	}
	vec_push(&args, NULL);
	status = git_run(s->wt, args.v, env, &out, &err);
	while (status > 0 && (strstr(out.s, "Patch is empty") || strstr(err.s, "Patch is empty"))) {
		sb_free(&out);
		sb_free(&err);
		status = git_run(s->wt, (const char *const[]){ "am", "--skip", NULL }, env, &out,
				 &err);
	}
	if (status != 0) {
		char *why = am_failure(s, out.s, err.s);

		rc = gate_fail("%s", why);
		free(why);
	}
	for (int i = fixed; i < args.n - 1; i++)
		free((char *)args.v[i]);
	vec_free(&args);
out:
	free_files(&files);
	sb_free(&out);
	sb_free(&err);
	return rc;
}

static void add_path(struct series *s, const char *path)
{
	for (int i = 0; i < s->paths.n; i++)
		if (s->paths.v[i] == path)
			return;
	vec_push(&s->paths, path);
}

/* The files each commit changes, with their blobs. */
static int read_changes(struct series *s)
{
	for (int k = 0; k < s->patches.n; k++) {
		struct patch *p = &s->patches.v[k];
		struct strbuf out = {0}, err = {0};

		if (git(s->repo, &out, &err, "diff-tree", "-r", "-z", "--no-renames", "--no-abbrev",
			"--no-commit-id", "--raw", p->parent, p->commit, NULL) != 0) {
			int rc = gate_fail("git diff-tree %s: %s", p->commit, git_said(&err));

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
			add_path(s, c.path);
		}
		sb_free(&out);
		sb_free(&err);
	}
	return 0;
}

/* BASE..HEAD: both commits, the base an ancestor of the head. */
static int open_range(struct series *s, const char *spec, const char *dots, char **head)
{
	char *left = strndup(spec, dots - spec);
	const char *right = dots[2] ? dots + 2 : "HEAD";
	int rc = 0;

	s->base = left[0] ? commit_id(s->repo, left) : NULL;
	*head = commit_id(s->repo, right);
	if (!s->base || !*head)
		rc = gate_fail("bad range %s: %s is not a commit of %s", spec,
			       !s->base ? (left[0] ? left : "(empty)") : right, s->repo);
	else if (git(s->repo, NULL, NULL, "merge-base", "--is-ancestor", s->base, *head, NULL))
		rc = gate_fail("bad range %s: %s is not an ancestor of %s", spec, left, right);
	free(left);
	return rc;
}

int series_open(struct series *s, const char *repo_arg, const char *spec, const char *base_arg,
		const char *tmp)
{
	const char *dots = strstr(spec, "..");
	struct strbuf out = {0}, err = {0};
	char *head = NULL, *found;
	struct stat sb;
	int rc = 0;

	memset(s, 0, sizeof(*s));
	if (git(repo_arg, &out, &err, "rev-parse", "--show-toplevel", NULL) != 0) {
		rc = gate_fail("%s is not a git work tree: %s", repo_arg, git_said(&err));
		goto out;
	}
	chomp(&out);
	s->repo = xstrdup(out.s);
	if (stat(spec, &sb) != 0 && dots && dots[2] != '.') {
		rc = base_arg ? gate_fail("--base is for an mbox or a patch directory, not a range") :
				open_range(s, spec, dots, &head);
	} else if (base_arg) {
		if (!(s->base = commit_id(s->repo, base_arg)))
			rc = gate_fail("--base=%s is not a commit of %s", base_arg, s->repo);
	} else if (!(found = base_commit_line(spec))) {
		rc = gate_fail("%s: not BASE..HEAD, and as an mbox or patch directory it needs "
			       "--base=REV (it has no base-commit: line)", spec);
	} else {
		if (!(s->base = commit_id(s->repo, found)))
			rc = gate_fail("%s: base-commit %s is not a commit of %s (fetch it, or give "
				       "--base=REV)", spec, found, s->repo);
		free(found);
	}
	if (!rc && !head) {	/* mail: the commits come from git am */
		if (!(rc = apply_series(s, spec, tmp)))
			head = commit_id(s->wt, "HEAD");
	}
	if (!rc)
		rc = list_commits(s, head);
	if (!rc)
		rc = read_changes(s);
	if (!rc)
		s->base_subject = subject_of(s->repo, s->base);
out:
	free(head);
	sb_free(&out);
	sb_free(&err);
	return rc;
}

const char *series_commit(const struct series *s, int k)
{
	return k ? s->patches.v[k - 1].commit : s->base;
}

const char *series_blob_at(const struct series *s, const char *path, int k)
{
	const char *blob = NULL;

	/* the last change at or before patch k; else the first change's old side */
	for (int i = 0; i < s->patches.n; i++)
		for (int c = 0; c < s->patches.v[i].changes.n; c++) {
			const struct change *ch = &s->patches.v[i].changes.v[c];

			if (ch->path != path)
				continue;
			if (i < k)
				blob = ch->new;
			else if (!blob)
				return ch->old;
		}
	return blob;
}

void series_close(struct series *s)
{
	if (s->wt_added &&
	    git(s->repo, NULL, NULL, "worktree", "remove", "--force", "--force", s->wt, NULL) != 0)
		git(s->repo, NULL, NULL, "worktree", "prune", NULL);
	s->wt_added = false;
}

void series_free(struct series *s)
{
	for (int i = 0; i < s->patches.n; i++) {
		free(s->patches.v[i].commit);
		free(s->patches.v[i].parent);
		free(s->patches.v[i].subject);
		vec_free(&s->patches.v[i].changes);
	}
	vec_free(&s->patches);
	vec_free(&s->paths);
	free(s->repo);
	free(s->base);
	free(s->base_subject);
	free(s->wt);
}
