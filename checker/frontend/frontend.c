// SPDX-License-Identifier: GPL-2.0
/*
 * Parsing a TU and indexing what the engine may ask for by name: function
 * definitions (for lazy lowering of header inlines), declarations (return
 * type and arity pick between model variants) and enum constants (the model
 * names VM_FAULT_RETRY, FAULT_FLAG_VMA_LOCK, ... and the TU gives values).
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static char *format_diag(CXDiagnostic d)
{
	CXString s = clang_formatDiagnostic(d, CXDiagnostic_DisplaySourceLocation |
					       CXDiagnostic_DisplayColumn);
	char *r = xstrdup(clang_getCString(s));

	clang_disposeString(s);
	return r;
}

struct fe_parse_result fe_parse(const char *file, const char *const *args, int nargs)
{
	struct fe_parse_result res = {0};
	struct fe_tu *tu = xcalloc(1, sizeof(*tu));
	unsigned opts = CXTranslationUnit_KeepGoing |
			CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
	enum CXErrorCode err;

	tu->index = clang_createIndex(0, 0);
	err = clang_parseTranslationUnit2(tu->index, file, args, nargs, NULL, 0, opts, &tu->tu);
	if (err != CXError_Success || !tu->tu) {
		res.first_error = xasprintf("%s: libclang could not parse the file (error %d)",
					    file, err);
		res.nerrors = 1;
		clang_disposeIndex(tu->index);
		free(tu);
		return res;
	}
	for (unsigned i = 0, n = clang_getNumDiagnostics(tu->tu); i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu->tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		CXSourceLocation loc = clang_getDiagnosticLocation(d);
		CXFile file;

		clang_getSpellingLocation(loc, &file, NULL, NULL, NULL);
		if (sev >= CXDiagnostic_Error && !file) {
			/* the driver's: an option clang does not know */
			res.option_errors = xrealloc(res.option_errors,
						     (res.noption_errors + 1) * sizeof(char *));
			res.option_errors[res.noption_errors++] = format_diag(d);
		} else if (sev >= CXDiagnostic_Error) {
			if (!res.first_error)
				res.first_error = format_diag(d);
			res.fatal |= sev == CXDiagnostic_Fatal;
			res.nerrors++;
			vec_push(&tu->errors, loc);
		}
		clang_disposeDiagnostic(d);
	}
	CXString name = clang_getTranslationUnitSpelling(tu->tu);

	tu->main_file = intern(clang_getCString(name));
	tu->main_cxfile = clang_getFile(tu->tu, clang_getCString(name));
	clang_disposeString(name);
	res.tu = tu;
	return res;
}

void fe_close(struct fe_tu *tu)
{
	if (!tu)
		return;
	clang_disposeTranslationUnit(tu->tu);
	clang_disposeIndex(tu->index);
	vec_free(&tu->functions);
	vec_free(&tu->decls);
	vec_free(&tu->constants);
	vec_free(&tu->errors);
	vec_free(&tu->noreturn_cache);
	free(tu);
}

void fe_parse_result_free(struct fe_parse_result *res)
{
	free(res->first_error);
	for (int i = 0; i < res->noption_errors; i++)
		free(res->option_errors[i]);
	free(res->option_errors);
}

const char *fe_main_file(const struct fe_tu *tu)
{
	return tu->main_file;
}

static enum CXChildVisitResult index_enum(CXCursor c, CXCursor parent, CXClientData data)
{
	struct fe_tu *tu = data;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_EnumConstantDecl) {
		struct fe_named n = { fe_spelling(c), c, clang_getEnumConstantDeclValue(c) };

		vec_push(&tu->constants, n);
	}
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult index_top(CXCursor c, CXCursor parent, CXClientData data)
{
	struct fe_tu *tu = data;
	struct fe_named n = { NULL, c, 0 };

	(void)parent;
	switch (clang_getCursorKind(c)) {
	case CXCursor_FunctionDecl:
		n.name = fe_spelling(c);
		vec_push(&tu->decls, n);
		if (clang_isCursorDefinition(c))
			vec_push(&tu->functions, n);
		break;
	case CXCursor_EnumDecl:
		clang_visitChildren(c, index_enum, tu);
		break;
	case CXCursor_TypedefDecl:
	case CXCursor_VarDecl:
		/* typedef enum { ... } t; and enum { ... } var; declare constants too */
		clang_visitChildren(c, index_top, tu);
		break;
	default:
		break;
	}
	return CXChildVisit_Continue;
}

void fe_build_index(struct fe_tu *tu)
{
	if (tu->indexed)
		return;
	tu->indexed = true;
	clang_visitChildren(clang_getTranslationUnitCursor(tu->tu), index_top, tu);
}

/* Last match wins: a later declaration or definition is the one in force. */
const struct fe_named *fe_find(const void *vecp, const char *name)
{
	const VEC(struct fe_named) *vec = vecp;

	name = intern(name);
	for (int i = vec->n - 1; i >= 0; i--)
		if (vec->v[i].name == name)
			return &vec->v[i];
	return NULL;
}

bool fe_lookup_constant(struct fe_tu *tu, const char *name, long long *value)
{
	const struct fe_named *n;

	fe_build_index(tu);
	n = fe_find(&tu->constants, name);
	if (n)
		*value = n->value;
	return n != NULL;
}

bool fe_lookup_function(struct fe_tu *tu, const char *name, const char **ret_type, int *nparams)
{
	const struct fe_named *n;
	CXType t;

	fe_build_index(tu);
	n = fe_find(&tu->decls, name);
	if (!n)
		return false;
	t = clang_getCursorType(n->cursor);
	*ret_type = fe_type(clang_getResultType(t));
	*nparams = clang_getNumArgTypes(t);
	return true;
}

struct ir_function *fe_lower_by_name(struct fe_tu *tu, const char *name, struct arena *arena)
{
	const struct fe_named *n;

	fe_build_index(tu);
	n = fe_find(&tu->functions, name);
	return n ? fe_lower_function(tu, n->cursor, arena) : NULL;
}

struct slot_ctx {
	struct fe_tu *tu;
	fe_slot_cb cb;
	void *ctx;
};

/* "const struct dev_pagemap_ops" -> "struct dev_pagemap_ops" */
static const char *unqualified(const char *type)
{
	while (!strncmp(type, "const ", 6) || !strncmp(type, "volatile ", 9))
		type = strchr(type, ' ') + 1;
	return intern(type);
}

static void slot_init_list(struct slot_ctx *sc, CXCursor list, const char *type)
{
	CXCursor kids[128];
	int n = fe_children(list, kids, 128);

	for (int i = 0; i < n && i < 128; i++) {
		CXCursor sub[4], val, ref;
		int ns = fe_children(kids[i], sub, 4);

		/* designated: a MemberRef, then the value */
		if (clang_getCursorKind(kids[i]) != CXCursor_UnexposedExpr || ns != 2 ||
		    clang_getCursorKind(sub[0]) != CXCursor_MemberRef)
			continue;
		val = fe_strip(sub[1]);
		if (clang_getCursorKind(val) == CXCursor_UnaryOperator && fe_children(val, sub + 2, 1) == 1)
			val = fe_strip(sub[2]);	/* = &fn */
		if (clang_getCursorKind(val) != CXCursor_DeclRefExpr)
			continue;
		ref = clang_getCursorReferenced(val);
		if (clang_getCursorKind(ref) != CXCursor_FunctionDecl)
			continue;
		sc->cb(sc->ctx, type, fe_spelling(sub[0]), fe_spelling(ref),
		       fe_loc(NULL, val));
	}
}

static enum CXChildVisitResult slot_var(CXCursor c, CXCursor parent, CXClientData data)
{
	struct slot_ctx *sc = data;
	CXCursor kids[8];
	int n;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_VarDecl ||
	    !clang_Location_isFromMainFile(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	n = fe_children(c, kids, 8);
	for (int i = 0; i < n && i < 8; i++)
		if (clang_getCursorKind(kids[i]) == CXCursor_InitListExpr)
			slot_init_list(sc, kids[i], unqualified(fe_type(clang_getCursorType(c))));
	return CXChildVisit_Continue;
}

void fe_for_each_function_slot(struct fe_tu *tu, fe_slot_cb cb, void *ctx)
{
	struct slot_ctx sc = { tu, cb, ctx };

	clang_visitChildren(clang_getTranslationUnitCursor(tu->tu), slot_var, &sc);
}

struct each_ctx {
	struct fe_tu *tu;
	struct arena *arena;
	fe_function_cb cb;
	void *data;
};

/*
 * Written in the main file, possibly through a macro: SYSCALL_DEFINE3(mremap,
 * ...) spells the function in syscalls.h but expands it here. The file is
 * compared with the main file's handle taken once at parse time: asking
 * libclang for a location in the file (clang_getLocationForOffset) scans
 * every source location entry of the TU, and this runs for every function
 * and every call of a header inline.
 */
bool fe_in_main_file(const struct fe_tu *tu, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	CXFile f;

	if (clang_Location_isFromMainFile(loc))
		return true;
	clang_getExpansionLocation(loc, &f, NULL, NULL, NULL);
	if (!f)
		return false;
	if (tu->main_cxfile)
		return clang_File_isEqual(f, tu->main_cxfile);
	/* no handle for the main file's name (never seen): the slow way */
	return clang_Location_isFromMainFile(clang_getLocationForOffset(tu->tu, f, 0));
}

static unsigned offset_in(CXSourceLocation loc, CXFile *file)
{
	unsigned off;

	clang_getExpansionLocation(loc, file, NULL, NULL, &off);
	return off;
}

/* A function holding a parse error is skipped: its AST is partly guesswork. */
static bool has_error(struct fe_tu *tu, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f1, f2, fe;
	unsigned start = offset_in(clang_getRangeStart(r), &f1);
	unsigned end = offset_in(clang_getRangeEnd(r), &f2);

	for (int i = 0; i < tu->errors.n; i++) {
		unsigned off = offset_in(tu->errors.v[i], &fe);

		if (clang_File_isEqual(fe, f1) && off >= start && off <= end)
			return true;
	}
	return false;
}

static enum CXChildVisitResult each_function(CXCursor c, CXCursor parent, CXClientData data)
{
	struct each_ctx *ctx = data;
	struct ir_function *fn;
	const char *name;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl || !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	if (!fe_in_main_file(ctx->tu, c))
		return CXChildVisit_Continue;
	name = fe_spelling(c);
	if (has_error(ctx->tu, c)) {
		ctx->cb(ctx->tu, name, NULL, "it contains a parse error", ctx->data);
		return CXChildVisit_Continue;
	}
	fn = fe_lower_function(ctx->tu, c, ctx->arena);
	ctx->cb(ctx->tu, name, fn, fn ? NULL : "no body", ctx->data);
	arena_reset(ctx->arena);
	return CXChildVisit_Continue;
}

void fe_for_each_function(struct fe_tu *tu, struct arena *arena, fe_function_cb cb, void *data)
{
	struct each_ctx ctx = { tu, arena, cb, data };

	clang_visitChildren(clang_getTranslationUnitCursor(tu->tu), each_function, &ctx);
}
