#!/bin/bash
# Run every Coccinelle rule in cocci/ over the 6.12 set (mm/, arch/x86/mm/,
# lib/test_hmm.c and the two migrate_to_ram drivers) and compare the places
# found with the triaged list testdata/kernel/cocci-6.12.txt.
#
# usage: run-cocci-kernel.sh [TREE]
#   TREE  Debian's linux-source-6.12, unpacked (configured or not; only read)
#         default: $MMLOCK_TREE or /var/cache/mmlock/linux-6.12-gcc
# Environment: SPATCH (default spatch), JOBS (default 2),
#   COCCI_KERNEL_UPDATE=1 prints the lines to add to or remove from the list.
# Exit status: 0 same places, 1 a difference, 77 no tree or no spatch (skip).

set -u
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
tree=${1:-${MMLOCK_TREE:-/var/cache/mmlock/linux-6.12-gcc}}
spatch=${SPATCH:-spatch}
list=$here/cocci-6.12.txt
set_paths=(mm arch/x86/mm lib/test_hmm.c drivers/gpu/drm/amd/amdkfd/kfd_migrate.c
	   drivers/gpu/drm/nouveau/nouveau_dmem.c)

if ! command -v "$spatch" >/dev/null 2>&1; then
	echo "cocci-kernel: spatch not found ($spatch), skipping" >&2
	exit 77
fi
for p in "${set_paths[@]}"; do
	if [ ! -e "$tree/$p" ]; then
		echo "cocci-kernel: $tree/$p not found, skipping" >&2
		exit 77
	fi
done
if ! grep -q '^VERSION = 6$' "$tree/Makefile" || ! grep -q '^PATCHLEVEL = 12$' "$tree/Makefile"; then
	echo "cocci-kernel: $tree is not a 6.12 tree, skipping" >&2
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cocci-kernel.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

"$top/cocci/run-all.sh" -s "$spatch" -j "${JOBS:-2}" "$tree" "${set_paths[@]}" \
	>"$tmp/report" 2>"$tmp/err"
status=$?
cat "$tmp/err" >&2
if [ $status -ne 0 ]; then
	echo "cocci-kernel: run-all.sh failed ($status)" >&2
	exit 1
fi

# "FILE:LINE:COL-COL: MESSAGE [rule]" -> "FILE:LINE: rule"
sed -n 's|^\([^:]*\):\([0-9]*\):[^ ]* .* \[\([a-z0-9-]*\)\]$|\1:\2: \3|p' \
	"$tmp/report" | sort -u >"$tmp/found"
# "FILE:LINE: rule: triage: reasoning" -> "FILE:LINE: rule"
grep -v '^#' "$list" | grep -v '^$' | cut -d: -f1-3 | sort -u >"$tmp/expected"

if diff -u "$tmp/expected" "$tmp/found" >"$tmp/diff"; then
	echo "cocci-kernel: $(wc -l <"$tmp/found") places, all in the triaged list"
	exit 0
fi
echo "cocci-kernel: the places differ from $list (- listed, + found):"
tail -n +3 "$tmp/diff" | grep '^[-+]'
if [ "${COCCI_KERNEL_UPDATE:-0}" = 1 ]; then
	echo "cocci-kernel: the new findings in full:"
	grep -F -f <(sed -n 's|^+\([^:]*:[0-9]*\): .*|\1:|p' "$tmp/diff") "$tmp/report"
fi
exit 1
