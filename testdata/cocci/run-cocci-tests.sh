#!/bin/bash
# Run the Coccinelle rules in cocci/ on their test inputs.
#
# usage: run-cocci-tests.sh [SPATCH]
#
# For each directory testdata/cocci/<rule>/ (rule = cocci/<rule>.cocci):
#   report   spatch -D report on all *.c: the sorted output must equal
#            expected.report (paths are relative to the rule's directory);
#            stderr must be empty
#   inputs   every match-*.c is reported, no nomatch-*.c is
#   org      -D org gives one TODO item per report line, on the same lines
#   context  -D context runs cleanly and marks only match-*.c files
#   patch    (rules with "virtual patch") -D patch, one file at a time in
#            name order, must equal expected.patch (temporary file names
#            normalised to a/FILE and b/FILE); no nomatch-*.c is changed
# The options of the rule's "// Options:" line are passed, as coccicheck does.
# Prints "cocci: N passed, M failed".  Exit status: 0 all passed, 1 a check
# failed or nothing ran, 77 spatch not found (a skip for ctest).
# Set COCCI_TEST_UPDATE=1 to rewrite the expected files from the output.

set -u
shopt -s nullglob
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
spatch=${1:-${SPATCH:-spatch}}

if ! command -v "$spatch" >/dev/null 2>&1; then
	echo "cocci: spatch not found ($spatch), skipping" >&2
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cocci-tests.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/    /' "$2" | head -40; }

# spatch MODE RULE FILE... (run in the rule's test directory); stdout to
# $tmp/out, stderr to $tmp/err; returns spatch's status.
run_spatch() {
	local mode=$1 rule=$2
	shift 2
	local opts
	opts=$(sed -n 's|^// Options:||p' "$rule")
	# shellcheck disable=SC2086
	timeout 120 "$spatch" --sp-file "$rule" --very-quiet $opts -D "$mode" "$@" \
		>"$tmp/out" 2>"$tmp/err"
}

# Paths relative to the test directory; temporary names of patch mode.
normalise() {
	sed -e "s|$1/||g" \
	    -e 's|^--- \([^ /][^ ]*\)$|--- a/\1|' \
	    -e 's|^+++ .*/cocci-output-[0-9]*-[0-9a-f]*-\(.*\)$|+++ b/\1|'
}

update=${COCCI_TEST_UPDATE:-0}

for dir in "$here"/*/; do
	dir=${dir%/}
	name=$(basename "$dir")
	rule="$top/cocci/$name.cocci"
	if [ ! -f "$rule" ]; then
		ko "$name: no rule cocci/$name.cocci"
		continue
	fi
	cd "$dir" || exit 1
	files=(*.c)
	if [ "${#files[@]}" -eq 0 ]; then
		ko "$name: no test inputs"
		continue
	fi

	# report
	if run_spatch report "$rule" "${files[@]}"; then status=0; else status=$?; fi
	normalise "$dir" <"$tmp/out" | sort >"$tmp/report"
	if [ "$update" = 1 ]; then cp "$tmp/report" expected.report; fi
	if [ $status -ne 0 ] || [ -s "$tmp/err" ]; then
		ko "$name: report: spatch exited $status or wrote to stderr" "$tmp/err"
	elif [ ! -f expected.report ]; then
		ko "$name: report: no expected.report"
	elif diff -u expected.report "$tmp/report" >"$tmp/diff"; then
		ok "$name: report"
	else
		ko "$name: report differs from expected.report" "$tmp/diff"
	fi

	# inputs: match-*.c reported, nomatch-*.c not
	: >"$tmp/why"
	for f in "${files[@]}"; do
		case $f in
		match-*) grep -q "^$f:" "$tmp/report" || echo "$f: not reported" >>"$tmp/why" ;;
		nomatch-*) grep -q "^$f:" "$tmp/report" && echo "$f: reported" >>"$tmp/why" ;;
		esac
	done
	nm=$(printf '%s\n' "${files[@]}" | grep -c '^match-')
	nn=$(printf '%s\n' "${files[@]}" | grep -c '^nomatch-')
	[ "$nm" -ge 2 ] || echo "fewer than 2 match-*.c inputs" >>"$tmp/why"
	[ "$nn" -ge 2 ] || echo "fewer than 2 nomatch-*.c inputs" >>"$tmp/why"
	if [ -s "$tmp/why" ]; then
		ko "$name: inputs" "$tmp/why"
	else
		ok "$name: inputs ($nm match, $nn nomatch)"
	fi

	# org: the same places as report
	if run_spatch org "$rule" "${files[@]}"; then status=0; else status=$?; fi
	normalise "$dir" <"$tmp/out" |
		sed -n 's|^\* TODO \[\[view:\([^:]*\)::face=[^:]*::linb=\([0-9]*\)::colb=\([0-9]*\)::cole=\([0-9]*\)\].*|\1:\2:\3-\4|p' |
		sort >"$tmp/org"
	cut -d: -f1-3 "$tmp/report" >"$tmp/report.pos"
	if [ $status -ne 0 ] || [ -s "$tmp/err" ]; then
		ko "$name: org: spatch exited $status or wrote to stderr" "$tmp/err"
	elif [ "$(wc -l <"$tmp/org")" -ne "$(normalise "$dir" <"$tmp/out" | wc -l)" ]; then
		ko "$name: org: output is not one TODO item per line" "$tmp/out"
	elif diff -u "$tmp/report.pos" "$tmp/org" >"$tmp/diff"; then
		ok "$name: org"
	else
		ko "$name: org places differ from report" "$tmp/diff"
	fi

	# context: marks lines of match-*.c only
	if run_spatch context "$rule" "${files[@]}"; then status=0; else status=$?; fi
	normalise "$dir" <"$tmp/out" | sed -n 's|^--- a/||p' | sort -u >"$tmp/ctx"
	grep -o '^[^:]*' "$tmp/report" | sort -u >"$tmp/rep.files"
	if [ $status -ne 0 ] || [ -s "$tmp/err" ]; then
		ko "$name: context: spatch exited $status or wrote to stderr" "$tmp/err"
	elif diff -u "$tmp/rep.files" "$tmp/ctx" >"$tmp/diff"; then
		ok "$name: context"
	else
		ko "$name: context files differ from report" "$tmp/diff"
	fi

	# patch
	if grep -q '^virtual patch' "$rule"; then
		: >"$tmp/patch"
		status=0
		for f in "${files[@]}"; do
			if ! run_spatch patch "$rule" "$f" || [ -s "$tmp/err" ]; then
				status=1
				cat "$tmp/err" >>"$tmp/patch.err"
			fi
			normalise "$dir" <"$tmp/out" >>"$tmp/patch"
		done
		if [ "$update" = 1 ]; then cp "$tmp/patch" expected.patch; fi
		if [ $status -ne 0 ]; then
			ko "$name: patch: spatch failed or wrote to stderr" "$tmp/patch.err"
		elif [ ! -f expected.patch ]; then
			ko "$name: patch: no expected.patch"
		elif grep -q '^+++ b/nomatch-' "$tmp/patch"; then
			ko "$name: patch changes a nomatch-*.c input" "$tmp/patch"
		elif diff -u expected.patch "$tmp/patch" >"$tmp/diff"; then
			ok "$name: patch"
		else
			ko "$name: patch differs from expected.patch" "$tmp/diff"
		fi
	fi
done

echo "cocci: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
