#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# kbuild-commands.sh - every TU that `make C=2 TARGET...` would check in a
# prepared tree, with its exact kbuild arguments, found without building or
# writing anything in the tree.
#
# Usage: bench/kbuild-commands.sh TREE WORK TARGET...
#
# Runs `make -n C=2` (serially: with -j its commands can interleave
# mid-line) in a shadow copy of TREE made of symbolic links (make
# removes or replaces only the shadow's links, never a file of the tree;
# objects already built are unlinked there so their commands show) and
# writes, through benchlib.py, WORK/tus (the sources, in path order),
# WORK/args/<i>.{clang,check} and WORK/compile_commands.json. Used by
# run-bench.sh (the main job's TUs) and sweep.sh (mm/, fs/, kernel/, drm).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

die() { echo "kbuild-commands: $*" >&2; exit 1; }

[ $# -ge 3 ] || die "usage: kbuild-commands.sh TREE WORK TARGET..."
tree=$1 work=$2
shift 2
[ -f "$tree/.mmlock-prepared" ] || die "$tree: not prepared (testdata/kernel/prepare-tree.sh)"
make_args=(-n -j1 C=2 CHECK=__mmlock_bench_check__)
[ "$(cat "$tree/.mmlock-prepared")" = llvm ] && make_args+=(LLVM=-19)
shadow=$work/shadow
rm -rf "$shadow"
mkdir -p "$work"
cp -as "$tree" "$shadow"
for t in "$@"; do
	case $t in
	*/) [ -d "$shadow/$t" ] && find "$shadow/$t" -name '*.o' -type l -delete ;;
	*) rm -f "$shadow/$t" ;;
	esac
done
(cd "$shadow" && make "${make_args[@]}" "$@") > "$work/make-n.out" 2> "$work/make-n.err" ||
	die "make -n failed, see $work/make-n.err"
rm -rf "$shadow"
! grep -q "^  SYNC " "$work/make-n.out" ||
	die "make wants to re-sync the tree's configuration: run in the environment it was prepared in"
python3 "$here/benchlib.py" commands "$work/make-n.out" "$tree" "$work" "$@" > /dev/null
