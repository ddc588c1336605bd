#!/bin/bash
# Run every rule in cocci/ over a kernel tree, in parallel.
#
# usage: cocci/run-all.sh [-j N] [-m MODE] [-r RULE]... [-t SECS] [-s SPATCH]
#                         TREE [PATH...]
#
#   TREE     a kernel source tree (configured or not; nothing is built)
#   PATH     directories or files relative to TREE (default: the whole tree)
#   -j N     spatch processes at a time (default: nproc); one process per
#            rule and PATH, so give several PATHs to spread a big tree
#   -m MODE  report (default), org, context or patch (rules with
#            "virtual patch" only)
#   -r RULE  only this rule (name without .cocci; repeatable)
#   -t SECS  spatch --timeout per file (default 0: none)
#   -s PATH  the spatch to run (default: spatch)
#   -v       print the wall time of each spatch run on stderr
#
# Each rule gets the options of its "// Options:" line, as coccicheck
# passes them.  Output on stdout: in report mode one line per finding,
# "FILE:LINE:COL-COL: MESSAGE [rule]", paths relative to TREE, sorted; in
# the other modes each rule's output in turn.  A summary with the wall time
# goes to stderr.  Nothing is written into TREE: spatch runs from TREE with
# its temporary files under $TMPDIR.
# Exit status: 0 when every spatch succeeded, 1 otherwise, 2 usage error.

set -u
export LC_ALL=C

usage() {
	echo "usage: $0 [-j N] [-m report|org|context|patch] [-r RULE]... [-t SECS] [-s SPATCH] [-v] TREE [PATH...]" >&2
	exit 2
}

here=$(cd "$(dirname "$0")" && pwd)
jobs=$(nproc 2>/dev/null || echo 1)
mode=report
timeout=0
spatch=${SPATCH:-spatch}
verbose=0
rules=()
while getopts 'j:m:r:t:s:vh' opt; do
	case $opt in
	j) jobs=$OPTARG ;;
	m) mode=$OPTARG ;;
	r) rules+=("$OPTARG") ;;
	t) timeout=$OPTARG ;;
	s) spatch=$OPTARG ;;
	v) verbose=1 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || usage
tree=$1
shift
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(.)

case $mode in report|org|context|patch) ;; *) usage ;; esac
case $jobs in '' | *[!0-9]* | 0) usage ;; esac
[ -d "$tree" ] || { echo "run-all: $tree: not a directory" >&2; exit 2; }
command -v "$spatch" >/dev/null 2>&1 ||
	{ echo "run-all: spatch not found ($spatch)" >&2; exit 2; }
if [ ${#rules[@]} -eq 0 ]; then
	for f in "$here"/*.cocci; do
		rules+=("$(basename "$f" .cocci)")
	done
fi
for r in "${rules[@]}"; do
	[ -f "$here/$r.cocci" ] || { echo "run-all: no rule $here/$r.cocci" >&2; exit 2; }
done
for p in "${paths[@]}"; do
	[ -e "$tree/$p" ] || { echo "run-all: $tree/$p does not exist" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cocci-run-all.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# One task: rule R over path P (index I); output in $tmp/R.I.{out,err,rc}.
task() {
	local r=$1 i=$2 p=$3 rule="$here/$1.cocci" opts
	opts=$(sed -n 's|^// Options:||p' "$rule")
	local what=("$p") t0
	t0=$(date +%s.%N)
	[ -d "$tree/$p" ] && what=(--dir "$p")
	# shellcheck disable=SC2086
	(cd "$tree" && "$spatch" --sp-file "$rule" -D "$mode" --very-quiet $opts \
		--timeout "$timeout" --jobs 1 --tmp-dir "$tmp/sp.$r.$i" \
		"${what[@]}") >"$tmp/$r.$i.out" 2>"$tmp/$r.$i.err"
	echo $? >"$tmp/$r.$i.rc"
	awk -v s="$t0" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f\n", e - s }' \
		>"$tmp/$r.$i.time"
}

start=$(date +%s.%N)
running=0
ntasks=0
# Path by path, so that the big directories given first start first.
i=0
for p in "${paths[@]}"; do
	for r in "${rules[@]}"; do
		if [ "$mode" = patch ] && ! grep -q '^virtual patch' "$here/$r.cocci"; then
			continue
		fi
		if [ $running -ge "$jobs" ]; then
			wait -n
			running=$((running - 1))
		fi
		task "$r" $i "$p" &
		running=$((running + 1))
		ntasks=$((ntasks + 1))
	done
	i=$((i + 1))
done
wait
end=$(date +%s.%N)

# spatch --dir looks for a git checkout and counts the files it selected:
# not worth repeating.  Hidden files (.tmp_*.c and the like, written by
# builds and tools running in the tree) are not kernel sources: their
# findings and errors are dropped.
noise='^(fatal: not a git repository|Stopping at filesystem boundary|[0-9]+ files match$|EXN: .* in ([^ ]*/)?\.[^/ ]*$)'
hidden='^(\./)?([^:]*/)?\.[^/:]*:'
status=0
for r in "${rules[@]}"; do
	i=0
	for p in "${paths[@]}"; do
		base=$tmp/$r.$i
		i=$((i + 1))
		[ -f "$base.rc" ] || continue
		[ $verbose = 1 ] && echo "run-all: $r $p: $(cat "$base.time")s" >&2
		if [ "$(cat "$base.rc")" != 0 ]; then
			echo "run-all: $r $p: spatch failed (status $(cat "$base.rc")):" >&2
			sed 's/^/    /' "$base.err" | head -20 >&2
			status=1
		else
			grep -Ev "$noise" "$base.err" | sed "s|^|run-all: $r $p: |" | head -20 >&2
		fi
	done
done

n=0
if [ "$mode" = report ]; then
	for r in "${rules[@]}"; do
		for out in "$tmp/$r".*.out; do
			[ -f "$out" ] && grep -Ev "$hidden" "$out" | sed "s|^\./||; s|\$| [$r]|"
		done
	done | sort -t: -k1,1 -k2,2n -k3,3n -u >"$tmp/all"
	n=$(wc -l <"$tmp/all")
	cat "$tmp/all"
else
	for r in "${rules[@]}"; do
		for out in "$tmp/$r".*.out; do
			[ -f "$out" ] && cat "$out"
		done
	done
fi
secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
if [ "$mode" = report ]; then
	echo "run-all: $n findings, ${#rules[@]} rules, $ntasks spatch runs, ${secs}s wall (-j $jobs)" >&2
else
	echo "run-all: ${#rules[@]} rules, $ntasks spatch runs, ${secs}s wall (-j $jobs)" >&2
fi
exit $status
