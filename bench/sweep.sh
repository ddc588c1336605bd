#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# sweep.sh - the robustness sweep: every TU a prepared tree compiles under
# the given directories, analysed in tree mode (one process per TU, so a
# crash or a hang costs that TU only), with crashes, hangs, parse failures,
# functions given up on and findings counted per directory. See
# docs/robustness.md.
#
# Usage: bench/sweep.sh [--tree DIR] [-j N] [--mmlock PATH] [--work DIR]
#                       [--tu-timeout S] [DIR/ ...]
#
#   --tree DIR       a tree prepared by testdata/kernel/prepare-tree.sh;
#                    default /var/cache/mmlock/linux-6.12-gcc. Never written to.
#   -j N             TUs at a time (default 2)
#   --mmlock PATH    the binary (default build/mmlock)
#   --work DIR       keep the commands, each part's JSON report and stderr
#                    there (default: a temporary directory, removed at the end)
#   --tu-timeout S   a TU still running after S seconds is a hang (default 300)
#   DIR/             tree parts, one table row each (default: mm/ fs/ kernel/
#                    drivers/gpu/drm/)
#
# Output: a markdown table on stdout, then every function given up on and
# every finding. Exit status 1 if any TU crashed or hung.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
tree=/var/cache/mmlock/linux-6.12-gcc jobs=2 mmlock=$repo/build/mmlock work= timeout=300

die() { echo "sweep: $*" >&2; exit 2; }
log() { echo "sweep: $*" >&2; }
usage() { sed -n '/^# Usage/,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

while [ $# -gt 0 ]; do
	case $1 in
	--tree) tree=$2; shift 2 ;;
	-j) jobs=$2; shift 2 ;;
	--mmlock) mmlock=$2; shift 2 ;;
	--work) work=$2; shift 2 ;;
	--tu-timeout) timeout=$2; shift 2 ;;
	-*) usage ;;
	*) break ;;
	esac
done
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(mm/ fs/ kernel/ drivers/gpu/drm/)
for p in "${parts[@]}"; do
	case $p in */) ;; *) die "$p: a directory of the tree, ending in /" ;; esac
done
tree=$(readlink -f "$tree")
mmlock=$(readlink -f "$mmlock")
[ -x "$mmlock" ] || die "no mmlock binary at $mmlock (--mmlock PATH)"
if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/mmlock-sweep.XXXXXX")
	trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
work=$(readlink -f "$work")

log "finding the TUs of ${parts[*]} (make -n in a shadow tree)"
"$here/kbuild-commands.sh" "$tree" "$work" "${parts[@]}"
touch "$work/start"
for p in "${parts[@]}"; do
	name=${p%/}
	name=${name//\//_}
	log "$p: $(grep -c "^$p" "$work/tus") TUs, -j $jobs, --tu-timeout=$timeout"
	t0=$(date +%s)
	(cd "$tree" && "$mmlock" -p "$work/compile_commands.json" -j "$jobs" --tu-timeout="$timeout" \
		--format=json -o "$work/$name.json" "$p") 2> "$work/$name.log" ||
		die "$p: tree mode failed, see $work/$name.log"
	echo $(($(date +%s) - t0)) > "$work/$name.wall"
done
written=$(find "$tree" -newer "$work/start" \( -type f -o -type l \) | head -3)
[ -z "$written" ] || log "warning: files changed in the tree during the sweep:" $written
rev=$(git -C "$repo" describe --always --dirty 2> /dev/null || echo '?')
echo "- $("$mmlock" --version), mmlock.git $rev; tree: $tree ($(cat "$tree/.mmlock-prepared")); -j $jobs;" \
     "nproc $(nproc); --tu-timeout=$timeout; $(date -u +%F)"
echo
python3 "$here/benchlib.py" sweep "$work" "${parts[@]}"
