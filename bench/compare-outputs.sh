#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# compare-outputs.sh - does a change to the engine leave mmlock's results
# as they were? Runs two mmlock binaries over the same TUs (by default the
# main job's, with their kbuild arguments) with --verbose --dump-summaries
# (findings, every summary computed, every function skipped or given up
# on) and diffs the outputs TU by TU. For work that should change nothing:
# speed and memory.
#
# Usage: bench/compare-outputs.sh [--tree DIR] [-j N] [--work DIR]
#                                 [--only REGEX] OLD_MMLOCK NEW_MMLOCK
#
#   --tree DIR   a prepared tree (default /var/cache/mmlock/linux-6.12-gcc)
#   --work DIR   keep commands and outputs there; a DIR holding commands
#                from an earlier run reuses them
#   --only RE    only the TUs whose path matches the extended regex RE
#
# Exit status: 0 if every output is the same, 1 otherwise (diffs shown).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
tree=/var/cache/mmlock/linux-6.12-gcc jobs=2 work= only=.

die() { echo "compare-outputs: $*" >&2; exit 2; }
usage() { sed -n '/^# Usage/,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

while [ $# -gt 0 ]; do
	case $1 in
	--tree) tree=$2; shift 2 ;;
	-j) jobs=$2; shift 2 ;;
	--work) work=$2; shift 2 ;;
	--only) only=$2; shift 2 ;;
	-*) usage ;;
	*) break ;;
	esac
done
[ $# -eq 2 ] || usage
old=$(readlink -f "$1") new=$(readlink -f "$2")
[ -x "$old" ] && [ -x "$new" ] || die "two mmlock binaries, please"
tree=$(readlink -f "$tree")
if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/mmlock-compare.XXXXXX")
	trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
work=$(readlink -f "$work")
if [ ! -s "$work/tus" ]; then
	mapfile -t targets < <(grep -v -e '^#' -e '^$' "$repo/testdata/kernel/job-targets")
	"$here/kbuild-commands.sh" "$tree" "$work" "${targets[@]}"
fi

run_one()	# BINARY OUTDIR INDEX
{
	local argv

	mapfile -d '' -t argv < "$CMP_WORK/args/$3.check"
	cd "$CMP_TREE" && "$1" --verbose --dump-summaries "${argv[@]}" > "$2/$3" 2>&1 || true
}
export -f run_one
export CMP_WORK=$work CMP_TREE=$tree
awk -v re="$only" '$0 ~ re { print NR - 1 }' "$work/tus" > "$work/sel"
for side in old new; do
	rm -rf "${work:?}/$side"
	mkdir -p "$work/$side"
	bin=$old
	[ $side = new ] && bin=$new
	xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ "$bin" "$work/$side" {} < "$work/sel"
done
differ=0
while read -r i; do
	if ! cmp -s "$work/old/$i" "$work/new/$i"; then
		differ=$((differ + 1))
		echo "== $(sed -n "$((i + 1))p" "$work/tus")"
		diff "$work/old/$i" "$work/new/$i" | head -20
	fi
done < "$work/sel"
echo "compare-outputs: $(wc -l < "$work/sel") TUs, $differ with different output"
[ $differ -eq 0 ]
