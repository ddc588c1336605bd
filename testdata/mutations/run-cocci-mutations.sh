#!/bin/bash
# The mutation recall suite for the Coccinelle rules: which of the bugs that
# the NN-*.patch files put back into 6.12 files do the rules in cocci/ find?
# (run-mutations.sh asks the same of mmlock.)
#
# usage: run-cocci-mutations.sh [TREE] [PATCH...]
#   TREE  defaults to /var/cache/mmlock/linux-6.12-gcc (exit 77 if missing);
#         only read: the files are copied to a temporary directory, the rules
#         need nothing else (no build arguments, no headers)
#   PATCH restricts the run to those patches (names or paths)
# Environment: JOBS (spatch processes, default 2), SPATCH.
#
# For each patch: the rules run on the original file and on the patched copy;
# a finding of the copy is new when the original has no finding of the same
# rule with the same message (numbers in messages ignored, so line shifts do
# not matter). The patch is FOUND when a new finding is within +-3 lines of
# a '# near:' line, ELSEWHERE when new findings are only farther away, and
# MISSED without new findings. One line per patch, then the totals.
# Exit status: 0 (a measurement, not a gate), 2 usage, 77 no tree or spatch.

set -u
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
tree=/var/cache/mmlock/linux-6.12-gcc
if [ $# -ge 1 ] && [ "${1%.patch}" = "$1" ]; then tree=$1; shift; fi
[ -f "$tree/mm/memory.c" ] || { echo "SKIP: no kernel tree at $tree"; exit 77; }
command -v "${SPATCH:-spatch}" >/dev/null 2>&1 || { echo "SKIP: no spatch"; exit 77; }

if [ $# -ge 1 ]; then
	patches=()
	for p in "$@"; do
		[ -f "$p" ] || p=$here/$p
		[ -f "$p" ] || { echo "$0: no patch $p" >&2; exit 2; }
		patches+=("$p")
	done
else
	patches=("$here"/[0-9]*.patch)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cocci-mut.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

run_rules() { # DIR FILE -> findings on stdout
	"$top/cocci/run-all.sh" -j "${JOBS:-2}" ${SPATCH:+-s "$SPATCH"} "$1" "$2" 2>>"$tmp/log"
}

# "FILE:LINE:COL: MESSAGE [rule]" -> "rule|MESSAGE with numbers as N"
key() { sed 's|^[^:]*:[0-9]*:[^ ]* \(.*\) \[\(.*\)\]$|\2\|\1|; s/[0-9][0-9]*/N/g'; }

found=0 elsewhere=0 missed=0
declare -A by_rule
for patch in "${patches[@]}"; do
	name=$(basename "$patch" .patch)
	file=$(sed -n 's/^# file: *//p' "$patch")
	near=$(sed -n 's/^# near: *//p' "$patch")
	expect=$(sed -n 's/^# expect: *//p' "$patch")
	if [ ! -f "$tmp/orig/$file" ]; then
		mkdir -p "$tmp/orig/$(dirname "$file")"
		cp "$tree/$file" "$tmp/orig/$file"
		run_rules "$tmp/orig" "$file" >"$tmp/orig/$file.findings"
	fi
	m=$tmp/mut/$name
	mkdir -p "$m/$(dirname "$file")"
	cp "$tree/$file" "$m/$file"
	if ! patch -s -p1 -d "$m" --no-backup-if-mismatch <"$patch" >"$tmp/patch.log" 2>&1; then
		echo "$name: does not apply: $(head -1 "$tmp/patch.log")"
		missed=$((missed + 1))
		continue
	fi
	run_rules "$m" "$file" >"$m/findings"
	# New findings: more of a key in the copy than in the original.
	key <"$tmp/orig/$file.findings" | sort | uniq -c >"$m/orig.keys"
	: >"$m/new"
	while IFS= read -r f; do
		k=$(printf '%s\n' "$f" | key)
		n=$(grep -c -xF "$k" <(key <"$m/findings")) || n=0
		o=$(awk -v k="$k" '{ c = $1; sub(/^ *[0-9]+ /, ""); if ($0 == k) print c }' "$m/orig.keys")
		[ "$n" -gt "${o:-0}" ] && printf '%s\n' "$f" >>"$m/new"
	done <"$m/findings"
	hit=
	while IFS= read -r f; do
		line=$(printf '%s\n' "$f" | cut -d: -f2)
		for l in $near; do
			d=$((line - l))
			if [ ${d#-} -le 3 ]; then hit=$f; break 2; fi
		done
	done <"$m/new"
	if [ -n "$hit" ]; then
		rule=$(printf '%s\n' "$hit" | sed 's/.*\[\(.*\)\]$/\1/')
		echo "$name: FOUND by $rule (mmlock: $expect): $(printf '%s\n' "$hit" | cut -d: -f1-2)"
		found=$((found + 1))
		by_rule[$rule]=$(( ${by_rule[$rule]:-0} + 1 ))
	elif [ -s "$m/new" ]; then
		echo "$name: ELSEWHERE (mmlock: $expect): $(sed 's/ \[/ [/' "$m/new" | cut -c1-160 | head -2 | tr '\n' ' ')"
		elsewhere=$((elsewhere + 1))
	else
		echo "$name: MISSED (mmlock: $expect)"
		missed=$((missed + 1))
	fi
done
for r in "${!by_rule[@]}"; do echo "found by $r: ${by_rule[$r]}"; done | sort
total=${#patches[@]}
echo "cocci mutations: $found found, $elsewhere elsewhere, $missed missed of $total"
exit 0
