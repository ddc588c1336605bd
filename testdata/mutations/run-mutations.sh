#!/usr/bin/env bash
# Mutation recall suite: each NN-name.patch reintroduces one locking bug into
# a file of a prepared Linux 6.12 tree; mmlock must report it (and nothing
# else new). See README.md.
#
# usage: run-mutations.sh MMLOCK [TREE] [PATCH...]
#   TREE defaults to /var/cache/mmlock/linux-6.12-gcc (exit 77 if missing);
#   PATCH... restricts the run to those patches (default: all *.patch here).
#
# For each patch: the target file is copied next to the original as
# .mmlock-mut-<pid>-<patch>-<file> (so its relative #includes resolve), the
# patch is applied to the copy, and mmlock runs with the file's kbuild
# arguments on the copy and on the original (--format=json). PASS needs
#   0. the patched file parses (a patch that does not compile proves nothing);
#   1. a new finding of the '# expect:' check within +-3 lines of '# near:' (a
#      line of the patched file; several lines, space-separated, when the
#      finding may fairly be reported at either, e.g. a call and the callee's
#      sleeping call it leads to);
#   2. no finding in the copy that is not in the original (compared by
#      check, function and message, so line shifts do not matter), except
#      findings of the '# expect:' check or of a check named by '# also:'.
# Exit status: 0 when overall recall (PASS / patches) is >= 90%, 1 below,
# 2 on a usage error, 77 when the tree is missing.
set -u

usage() { echo "usage: $0 MMLOCK [TREE] [PATCH...]" >&2; exit 2; }
[ $# -ge 1 ] || usage
mmlock=$(readlink -f "$1") || usage
[ -x "$mmlock" ] || { echo "$0: $1 is not executable" >&2; exit 2; }
shift
tree=/var/cache/mmlock/linux-6.12-gcc
if [ $# -ge 1 ] && [ "${1%.patch}" = "$1" ]; then tree=$1; shift; fi
[ -d "$tree" ] && [ -f "$tree/mm/memory.c" ] || { echo "SKIP: no kernel tree at $tree"; exit 77; }
tree=$(cd "$tree" && pwd)

here=$(cd "$(dirname "$0")" && pwd)
kbuild=$here/../kbuild
threshold=${MMLOCK_MUTATION_THRESHOLD:-90}

if [ $# -ge 1 ]; then
	patches=()
	for p in "$@"; do
		[ -f "$p" ] || p=$here/$p
		[ -f "$p" ] || { echo "$0: no patch $p" >&2; exit 2; }
		patches+=("$(readlink -f "$p")")
	done
else
	patches=("$here"/[0-9]*.patch)
fi

tmp=$(mktemp -d)
copy=
cleanup() { [ -n "$copy" ] && rm -f "$tree/$copy"; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# args_for FILE: the kbuild argument list of FILE without the source file,
# one per line, on stdout. Files without a recorded list reuse memory.c's
# with their own KBUILD_* names.
args_for() {
	local f=$1 b
	b=$(basename "$f" .c)
	if [ -f "$kbuild/$b.gcc.args" ]; then
		sed '$d' "$kbuild/$b.gcc.args"
	else
		grep -v -e '^-DKBUILD_' -e '^-D__KBUILD_' "$kbuild/memory.gcc.args" | sed '$d'
		printf '%s\n' "-DKBUILD_MODFILE=\"${f%.c}\"" "-DKBUILD_BASENAME=\"$b\"" \
			"-DKBUILD_MODNAME=\"$b\"" "-D__KBUILD_MODNAME=kmod_$b"
	fi
}

# run_mmlock TARGET FILE OUT: JSON report of mmlock on TARGET (a path relative
# to the tree: FILE or its copy), run with FILE's arguments.
run_mmlock() {
	local args=()
	mapfile -t args < <(args_for "$2")
	(cd "$tree" && "$mmlock" --format=json --verbose "${args[@]}" "$1") > "$3" 2> "$3.err"
}

# header PATCH KEY: the values of '# KEY:' lines (up to the end of the line).
header() { sed -n "s/^# $2:[[:space:]]*//p" "$1" | sed 's/[[:space:]]*$//'; }

declare -A total=() passed=()
npass=0 nfail=0
for p in "${patches[@]}"; do
	name=$(basename "$p" .patch)
	expect=$(header "$p" expect | head -1)
	file=$(header "$p" file | head -1)
	near=$(header "$p" near | head -1)
	also=$(header "$p" also | tr '\n' ' ')
	if [ -z "$expect" ] || [ -z "$file" ] || [ -z "$near" ]; then
		echo "ERROR $name: missing '# expect:', '# file:' or '# near:' header"
		nfail=$((nfail + 1)); continue
	fi
	total[$expect]=$(( ${total[$expect]:-0} + 1 ))
	if [ ! -f "$tree/$file" ]; then
		echo "MISS  $name: $file not in the tree"; nfail=$((nfail + 1)); continue
	fi
	# the copy: next to the original, so "..." includes resolve
	copy=$(dirname "$file")/.mmlock-mut-$$-$name-$(basename "$file")
	cp "$tree/$file" "$tmp/orig.c"
	if ! patch -s -f -p1 -o "$tmp/mut.c" -r "$tmp/rej" "$tmp/orig.c" < "$p" > "$tmp/patch.log" 2>&1; then
		echo "MISS  $name: patch does not apply to $file"; sed 's/^/      /' "$tmp/patch.log"
		nfail=$((nfail + 1)); rm -f "$tmp/mut.c" "$tmp/rej"; continue
	fi
	if ! cp "$tmp/mut.c" "$tree/$copy"; then
		echo "MISS  $name: cannot write $tree/$copy"; copy=; nfail=$((nfail + 1)); continue
	fi
	key=$(printf '%s' "$file" | tr '/' '_')
	[ -s "$tmp/orig-$key.json" ] || run_mmlock "$file" "$file" "$tmp/orig-$key.json"
	run_mmlock "$copy" "$file" "$tmp/mut.json"
	rm -f "$tree/$copy"; copy=
	# a mutation must still compile: a broken patch proves nothing
	if grep -q 'parse error' "$tmp/mut.json.err" && ! grep -q 'parse error' "$tmp/orig-$key.json.err"; then
		echo "MISS  $name: the patched file does not parse:"
		grep 'parse error' "$tmp/mut.json.err" | head -2 | sed 's/^/      /'
		nfail=$((nfail + 1)); continue
	fi
	verdict=$(python3 - "$tmp/orig-$key.json" "$tmp/mut.json" "$expect" "$near" "$also" <<'PY'
import json, sys
from collections import Counter
orig_f, mut_f, expect, near, also = sys.argv[1:6]
near = [int(n) for n in near.split()]
allowed = {expect} | set(also.split())
def load(path):
    try:
        return json.load(open(path))["findings"]
    except Exception as e:
        print("ERROR no report (%s)" % e.__class__.__name__); sys.exit(0)
orig, mut = load(orig_f), load(mut_f)
key = lambda f: (f["check"], f.get("function", ""), f["message"])
is_near = lambda f: f["check"] == expect and any(abs(f["line"] - n) <= 3 for n in near)
# findings the original has too are not new; match those away from 'near' first
left = Counter(key(f) for f in orig)
new = []
for f in sorted(mut, key=is_near):
    if left[key(f)] > 0:
        left[key(f)] -= 1
    else:
        new.append(f)
new.sort(key=lambda f: f["line"])
hit = [f for f in new if is_near(f)]
extra = [f for f in new if f["check"] not in allowed]
seen = ", ".join("%s@%d" % (f["check"], f["line"]) for f in new) or "nothing new"
if hit and not extra:
    print("PASS " + seen)
elif not hit:
    print("MISS expected %s near %s; reported: %s" % (expect, "/".join(map(str, near)), seen))
else:
    print("MISS unexpected: " + ", ".join("%s@%d: %s" % (f["check"], f["line"], f["message"]) for f in extra))
PY
)
	case $verdict in
	PASS*)	echo "PASS  $name: ${verdict#PASS }"; npass=$((npass + 1))
		passed[$expect]=$(( ${passed[$expect]:-0} + 1 )) ;;
	*)	echo "MISS  $name: ${verdict#MISS }"; nfail=$((nfail + 1))
		grep -e 'gave up on' -e 'cannot analyse' "$tmp/mut.json.err" | head -3 | sed 's/^/      /' ;;
	esac
done

echo
echo "recall per check:"
for c in $(printf '%s\n' "${!total[@]}" | sort); do
	printf '  %-32s %d/%d\n' "$c" "${passed[$c]:-0}" "${total[$c]}"
done
n=$((npass + nfail))
[ "$n" -gt 0 ] || { echo "mutations: 0 passed, 0 failed"; exit 2; }
pct=$((100 * npass / n))
echo "overall recall: $npass/$n ($pct%), threshold $threshold%"
echo "mutations: $npass passed, $nfail failed"
[ $((100 * npass)) -ge $((threshold * n)) ]
