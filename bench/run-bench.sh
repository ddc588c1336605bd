#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# run-bench.sh - clang -fsyntax-only vs mmlock (and sparse, for reference)
# on the default kernel job's TUs, each TU with its exact kbuild flags, the
# same number of TUs at a time for every tool. See docs/performance.md.
#
# Usage: bench/run-bench.sh [--tree DIR] [-j N] [-n RUNS] [--mmlock PATH]
#                           [--tools "clang parse mmlock sparse"] [--work DIR]
#        bench/run-bench.sh --perf FILE [--tree DIR] [--mmlock PATH] [--work DIR]
#        bench/run-bench.sh --instructions [--only REGEX] [--tools ...] [-j N] ...
#
#   --tree DIR   a tree prepared by testdata/kernel/prepare-tree.sh; default
#                /var/cache/mmlock/linux-6.12-llvm (clang must accept the
#                flags, so an LLVM=-19 tree). Never written to.
#   -j N         TUs at a time, for every tool (default 2)
#   -n RUNS      repetitions; the tables give medians (default 3)
#   --mmlock P   the binary to measure (default build/mmlock)
#   --work DIR   keep commands, per-TU times and outputs there (default: a
#                temporary directory, removed at the end); a DIR that
#                already holds commands from an earlier run reuses them
#   --only RE    only the TUs whose source path matches the extended
#                regular expression RE
#   --perf FILE  no timing: record one perf profile (call chains by DWARF)
#                of mmlock over every TU, one at a time, into FILE, and
#                print the share of each phase (parse, lowering, engine,
#                summaries, ...)
#   --instructions  no timing: count each tool's instructions per TU with
#                valgrind --tool=callgrind (slow, but the same on a busy
#                machine as on a quiet one); one run
#
# The TUs are what `make C=2 mm/ arch/x86/mm/ ...` (the targets of
# .ci/kernel-job) would check, found with `make -n` in a shadow copy of the
# tree made of symbolic links, in source-path order. Per TU:
#   clang:  the compile command, -c -o X.o replaced by -fsyntax-only
#   parse:  mmlock --parse-only, the same arguments: libclang's parse
#           alone, the floor of mmlock's time
#   mmlock: what kbuild passes to $(CHECK): CHECKFLAGS, c_flags, the file
#   sparse: the same
# -Wp,-MMD,... is dropped everywhere (it would write a .d file into the
# tree). Wall time is the whole set's, through xargs -P N; CPU time and peak
# RSS come from /usr/bin/time per TU. Output: markdown on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
tree=/var/cache/mmlock/linux-6.12-llvm jobs=2 runs=3 mmlock=$repo/build/mmlock
tools="clang parse mmlock sparse" work= perf_data= only= measure=time

die() { echo "run-bench: $*" >&2; exit 1; }
log() { echo "run-bench: $*" >&2; }
usage() { sed -n '/^# Usage/,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

while [ $# -gt 0 ]; do
	case $1 in
	--tree) tree=$2; shift 2 ;;
	-j) jobs=$2; shift 2 ;;
	-n) runs=$2; shift 2 ;;
	--mmlock) mmlock=$2; shift 2 ;;
	--tools) tools=$2; shift 2 ;;
	--work) work=$2; shift 2 ;;
	--perf) perf_data=$2; shift 2 ;;
	--only) only=$2; shift 2 ;;
	--instructions) measure=instr; runs=1; shift ;;
	*) usage ;;
	esac
done
[ -f "$tree/.mmlock-prepared" ] || die "$tree: not prepared (testdata/kernel/prepare-tree.sh)"
[ -x /usr/bin/time ] || die "/usr/bin/time missing (Debian package 'time', .ci/install-deps)"
tree=$(readlink -f "$tree")
mmlock=$(readlink -f "$mmlock")
[ -x "$mmlock" ] || die "no mmlock binary at $mmlock (--mmlock PATH)"
if [ -z "$work" ]; then
	work=$(mktemp -d /tmp/mmlock-bench.XXXXXX)
	trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
work=$(readlink -f "$work")

# The main job's targets, as .ci/kernel-job lists them.
job_targets()
{
	grep -v -e '^#' -e '^$' "$repo/testdata/kernel/job-targets"
}

# The job's TUs and their arguments (bench/kbuild-commands.sh).
find_commands()
{
	mapfile -t targets < <(job_targets)
	[ ${#targets[@]} -gt 0 ] || die "no targets found in testdata/kernel/job-targets"
	"$here/kbuild-commands.sh" "$tree" "$work" "${targets[@]}"
}

# One TU under one tool; run by xargs. Never fails: the exit status is in
# the time file (instruction counts: the .ir file, empty if none).
run_one()
{
	local tool=$1 out=$2 i=$3 argv

	case $tool in
	clang) mapfile -d '' -t argv < "$BENCH_WORK/args/$i.clang" ;;
	mmlock) mapfile -d '' -t argv < "$BENCH_WORK/args/$i.check"; argv=("$BENCH_MMLOCK" "${argv[@]}") ;;
	parse) mapfile -d '' -t argv < "$BENCH_WORK/args/$i.check"
	       argv=("$BENCH_MMLOCK" --parse-only "${argv[@]}") ;;
	sparse) mapfile -d '' -t argv < "$BENCH_WORK/args/$i.check"; argv=(sparse "${argv[@]}") ;;
	esac
	cd "$BENCH_TREE" || return 0
	if [ "$BENCH_MEASURE" = instr ]; then
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "${argv[@]}" \
			> /dev/null 2> "$out/$i.log"
		sed -n 's/.*Collected : //p' "$out/$i.log" > "$out/$i.ir"
		return 0
	fi
	/usr/bin/time -f '%e %U %S %M %x' -o "$out/$i" "${argv[@]}" > /dev/null 2> "$out/$i.log" || true
}
export -f run_one
export BENCH_WORK=$work BENCH_TREE=$tree BENCH_MMLOCK=$mmlock BENCH_MEASURE=$measure

run_tool()
{
	local tool=$1 dir=$2 t0 t1

	mkdir -p "$dir"
	t0=$(date +%s.%N)
	xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ "$tool" "$dir" {} < "$work/sel"
	t1=$(date +%s.%N)
	echo "$t1 - $t0" | bc > "$dir/wall"
}

# Every TU in turn, each under one perf record; then the phase table.
profile()
{
	command -v perf > /dev/null || die "perf missing (Debian package linux-perf)"
	: > "$work/perf.log"
	perf record -q -F 99 --call-graph dwarf,65528 -o "$perf_data" -- \
		bash -c 'while read -r i; do run_one mmlock "$1" "$i"; done < "$2"' _ \
		"$work/perf" "$work/sel" >> "$work/perf.log" 2>&1 || die "perf record failed: $work/perf.log"
	perf script -i "$perf_data" -F comm,pid,tid,ip,sym,dso 2> /dev/null |
		python3 "$here/benchlib.py" phases /dev/stdin
}

machine()
{
	echo "- nproc: $(nproc); CPU: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
	echo "- RAM: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo);" \
	     "Debian $(cat /etc/debian_version 2>/dev/null || echo '?'); kernel $(uname -r)"
	echo "- $(clang-19 --version | head -1); $(sparse --version 2>/dev/null || echo 'no sparse');" \
	     "$("$mmlock" --version)"
	echo "- tree: $tree ($(cat "$tree/.mmlock-prepared")), -j $jobs, $runs run(s)${only:+, TUs matching $only}"
}

if [ -s "$work/tus" ]; then
	log "reusing the commands in $work"
else
	log "finding the job's compile commands (make -n in a shadow tree)"
	find_commands
fi
awk -v re="${only:-.}" '$0 ~ re { print NR - 1 }' "$work/tus" > "$work/sel"
ntus=$(wc -l < "$work/sel")
[ "$ntus" -gt 0 ] || die "no TU matches --only $only"
if [ -n "$perf_data" ]; then
	perf_data=$(readlink -f "$perf_data")
	mkdir -p "$work/perf"
	profile
	exit 0
fi
touch "$work/start"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$work/runs"
for ((r = 1; r <= runs; r++)); do
	for tool in $tools; do
		log "run $r/$runs: $tool over $ntus TUs, -j $jobs"
		run_tool "$tool" "$work/runs/$(printf %02d "$r")/$tool"
	done
done
# None of the tools writes a file; someone else building in the tree would.
written=$(find "$tree" -newer "$work/start" \( -type f -o -type l \) | head -3)
[ -z "$written" ] || log "warning: files changed in the tree during the run:" $written
{
	machine
	echo "- load average before / after: $load0 / $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
	python3 "$here/benchlib.py" "$([ "$measure" = instr ] && echo instructions || echo report)" "$work"
} | tee "$work/report.md"
