#!/usr/bin/env bash
# Kernel-tree tests for mmlock: the exact argument lists kbuild passes to
# $(CHECK), on a fixture and on the real 6.12 tree.
#   run-kernel-tests.sh MMLOCK kbuild-fixture gcc|llvm
#   run-kernel-tests.sh MMLOCK kbuild-tree gcc|llvm      (needs the prepared tree)
#   run-kernel-tests.sh MMLOCK golden                     (the main job's files, gcc tree)
#   run-kernel-tests.sh MMLOCK golden-mm-wide             (mm-wide-targets, mm-wide tree)
# Trees: $MMLOCK_TREE_GCC / $MMLOCK_TREE_LLVM / $MMLOCK_TREE_WIDE, default
# /var/cache/mmlock/linux-6.12-{gcc,llvm,mm-wide} (testdata/kernel/prepare-tree.sh
# makes them; the last with MMLOCK_CONFIG=testdata/kernel/mm-wide.config). Exit 77 = skipped (no tree).
set -u
mmlock=$(readlink -f "$1"); what=$2; mode=${3:-gcc}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tree_gcc=${MMLOCK_TREE_GCC:-/var/cache/mmlock/linux-6.12-gcc}
tree_llvm=${MMLOCK_TREE_LLVM:-/var/cache/mmlock/linux-6.12-llvm}
tree_wide=${MMLOCK_TREE_WIDE:-/var/cache/mmlock/linux-6.12-mm-wide}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# What the main job analyses (also read by .ci/kernel-job).
mapfile -t JOB_TARGETS < <(grep -v -e '^#' -e '^$' "$here/job-targets")

fail() { echo "FAIL: $*"; echo "kernel: 0 passed, 1 failed"; exit 1; }
pass() { echo "kernel: 1 passed, 0 failed"; exit 0; }
need_tree() { [ -f "$1/.mmlock-prepared" ] || { echo "skipped: no prepared tree at $1"; exit 77; }; }
args_of() { mapfile -t ARGS < "$repo/testdata/kbuild/$1"; }
# expect_findings LIST: $tmp/actual ("FILE:LINE: CHECK" lines) must be LIST's entries
expect_findings() {
	grep -v '^#' "$here/$1" | sed -n 's/^\([^ ]*: [a-z0-9-]*\):.*/\1/p' | sort > "$tmp/expected"
	sort -o "$tmp/actual" "$tmp/actual"
	diff -u "$tmp/expected" "$tmp/actual" && return
	[ -f "$tmp/out" ] && grep -A8 "warning:" "$tmp/out"
	fail "findings differ from testdata/kernel/$1 (+ new, - gone)"
}

case $what in
kbuild-fixture)
	# The whole kbuild list, minus what points into a kernel tree and the
	# file itself, on a fixture: exit 0, its finding, nothing written.
	args_of "memory.$mode.args"
	kept=()
	for ((i = 0; i < ${#ARGS[@]} - 1; i++)); do
		a=${ARGS[i]}
		case $a in
		-include) i=$((i + 1)); continue ;;
		-I./*) continue ;;
		esac
		kept+=("$a")
	done
	fixture=$repo/testdata/checks/lock-double-release/warn-release-fault-lock-twice.c
	mkdir -p "$tmp/work/mm" && cd "$tmp/work" || exit 1
	"$mmlock" "${kept[@]}" -I "$repo/testdata/include" "$fixture" 2> out
	status=$?
	[ $status -eq 0 ] || fail "exit $status"; cat out
	grep -q "warn-release-fault-lock-twice.c:17:.*\[lock-double-release\]" out ||
		fail "expected finding missing"
	[ -z "$(find . -type f ! -name out)" ] || fail "files written: $(find . -type f ! -name out)"
	pass ;;
kbuild-tree)
	tree=$tree_gcc; [ "$mode" = llvm ] && tree=$tree_llvm
	need_tree "$tree"
	args_of "memory.$mode.args"
	cd "$tree" || exit 1
	touch "$tmp/marker"; sleep 1
	"$mmlock" "${ARGS[@]}" > "$tmp/out" 2>&1
	status=$?
	cat "$tmp/out"
	[ $status -eq 0 ] || fail "exit $status"
	written=$(find . -newer "$tmp/marker" -type f | head)
	[ -z "$written" ] || fail "files written in the tree: $written"
	grep -q "error" "$tmp/out" && fail "errors printed"
	pass ;;
golden)
	# The default main job's file set through kbuild (make C=2), compared
	# with the triaged list.
	need_tree "$tree_gcc"
	cd "$tree_gcc" || exit 1
	make -s -j"$(nproc)" C=2 CHECK="$mmlock" "${JOB_TARGETS[@]}" > "$tmp/out" 2>&1
	status=$?
	[ $status -eq 0 ] || { cat "$tmp/out"; fail "make exit $status"; }
	sed -n 's/^\([^:]*\):\([0-9]*\):[0-9]*: warning: .*\[\([a-z0-9-]*\)\]$/\1:\2: \3/p' "$tmp/out" \
		> "$tmp/actual"
	expect_findings expected-6.12.txt
	echo "$(wc -l < "$tmp/actual") finding(s), all triaged"
	pass ;;
golden-mm-wide)
	# The mm-wide configuration's TUs (mm-wide-targets) in tree mode, with
	# the commands make -n gives (nothing is built), compared with the
	# triaged list; no TU may crash, hang or fail to parse.
	need_tree "$tree_wide"
	mapfile -t targets < <(grep -v -e '^#' -e '^$' "$here/mm-wide-targets")
	"$repo/bench/kbuild-commands.sh" "$tree_wide" "$tmp/cmds" "${targets[@]}" ||
		fail "no compile commands"
	(cd "$tree_wide" && "$mmlock" -p "$tmp/cmds/compile_commands.json" -j "$(nproc)" \
		--format=json -o "$tmp/out.json") 2> "$tmp/err" || { cat "$tmp/err"; fail "tree mode failed"; }
	tail -3 "$tmp/err"
	python3 - "$tmp/out.json" "$tree_wide" > "$tmp/actual" <<'PY' || fail "crashes, hangs or parse failures"
import json, os, sys
d = json.load(open(sys.argv[1]))
root = os.path.realpath(sys.argv[2]) + "/"
s = d["summary"]
for f in sorted(d["findings"], key=lambda f: (f["file"], f["line"])):
    print("%s:%d: %s" % (f["file"][len(root):] if f["file"].startswith(root) else f["file"],
                         f["line"], f["check"]))
if s["crashes"] or s["timeouts"] or s["parse_failures"]:
    sys.exit(1)
PY
	expect_findings expected-6.12-mm-wide.txt
	echo "$(wc -l < "$tmp/actual") finding(s), all triaged"
	pass ;;
do-swap-page-bailout)
	# 6.12's do_swap_page() is silent; without its FAULT_FLAG_VMA_LOCK
	# bail-out the ->migrate_to_ram call must be reported.
	need_tree "$tree_gcc"
	cd "$tree_gcc" || exit 1
	args_of memory.gcc.args
	unset 'ARGS[${#ARGS[@]}-1]'
	line=$(grep -n 'if (vmf->flags & FAULT_FLAG_VMA_LOCK) {' mm/memory.c |
	       while IFS=: read -r n _; do
		       sed -n "$((n + 2)),$((n + 3))p" mm/memory.c | grep -q migrate_to_ram && echo "$n"
	       done | head -1)
	[ -n "$line" ] || fail "bail-out not found in mm/memory.c"
	mut=mm/.mmlock-mutant-memory.c
	trap 'rm -f "$tree_gcc/$mut"; rm -rf "$tmp"' EXIT
	sed "${line}s/if (vmf->flags & FAULT_FLAG_VMA_LOCK) {/if (0) {/" mm/memory.c > "$mut"
	"$mmlock" "${ARGS[@]}" mm/memory.c 2> "$tmp/orig"
	"$mmlock" "${ARGS[@]}" "$mut" 2> "$tmp/mut"
	grep -q "migrate-to-ram-under-vma-lock" "$tmp/orig" && fail "reported on the unmodified file"
	grep -q "migrate-to-ram-under-vma-lock" "$tmp/mut" || { cat "$tmp/mut"; fail "not reported without the bail-out"; }
	pass ;;
*)
	echo "usage: $0 MMLOCK kbuild-fixture|kbuild-tree|golden|do-swap-page-bailout [gcc|llvm]" >&2; exit 2 ;;
esac
