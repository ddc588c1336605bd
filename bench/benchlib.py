#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Helpers of run-bench.sh (not meant to be run by hand).

  benchlib.py commands MAKE_N_OUTPUT TREE WORK TARGET...
      Reads `make -n C=2 CHECK=<marker>` output, keeps the job's TUs, and
      writes, per TU in source-path order, WORK/args/<i>.{clang,check}
      (NUL-separated argv: clang -fsyntax-only, and what kbuild hands
      $(CHECK), for mmlock, mmlock --parse-only and sparse), WORK/tus (the source paths) and
      WORK/compile_commands.json.
  benchlib.py report WORK
      Reads WORK/runs/<run>/<tool>/{wall,<i>} for the TUs listed in WORK/sel
      and prints the markdown tables.
  benchlib.py instructions WORK
      The same from callgrind's counts, WORK/runs/01/<tool>/<i>.ir.
  benchlib.py sweep WORK PART...
      Reads sweep.sh's WORK/<part>.{json,wall} and prints the robustness
      table, the functions given up on and the findings; exits 1 if a TU
      crashed or timed out.
  benchlib.py phases PERF_SCRIPT_OUTPUT
      Splits `perf script -F tid,pid,ip,sym,dso` samples of mmlock into
      phases by their call chains and prints a markdown table.
"""
import json
import os
import re
import shlex
import statistics
import sys

MARKER = "__mmlock_bench_check__"
COMPILE = re.compile(r"(\S+) (-Wp,-MMD,\S+ [^;]*? -c -o (\S+\.o) (\S+\.c))\s*(?:;|$)")
TOOLS = ("clang", "parse", "mmlock", "sparse")


def in_job(src, targets):
    """mm/ covers mm/**; lib/test_hmm.o covers lib/test_hmm.c."""
    for t in targets:
        if t.endswith("/") and src.startswith(t):
            return True
        if t.endswith(".o") and src == t[:-2] + ".c":
            return True
    return False


def check_args(line):
    """kbuild's $(CHECK) argv of one TU: CHECKFLAGS, c_flags, the file."""
    rest = line[line.index(MARKER) + len(MARKER):]
    return shlex.split(rest.split(";")[0])


def compile_args(line):
    """(compiler, c_flags, source) of the first compile command on the line."""
    m = COMPILE.search(line)
    if not m:
        return None
    argv = shlex.split(m.group(2))
    out = argv.index("-c")
    return m.group(1), argv[:out], argv[-1]


def no_depfile(argv):
    """-Wp,-MMD,dir/.x.o.d would write into the tree."""
    return [a for a in argv if not a.startswith("-Wp,")]


def parse_make(path, targets):
    checks, compiles = {}, {}
    with open(path, errors="replace") as f:
        for line in f:
            if MARKER in line:
                argv = check_args(line)
                if argv and in_job(argv[-1], targets):
                    checks[argv[-1]] = argv
            c = compile_args(line)
            if c and in_job(c[2], targets):
                compiles[c[2]] = c
    return checks, compiles


def write_argv(path, argv):
    with open(path, "wb") as f:
        f.write(b"".join(a.encode() + b"\0" for a in argv))


def cmd_commands(make_out, tree, work, targets):
    checks, compiles = parse_make(make_out, targets)
    missing = sorted(set(checks) ^ set(compiles))
    if not checks or missing:
        sys.exit("benchlib: no TU found" if not checks else
                 "benchlib: compile and check commands differ for: " + " ".join(missing))
    os.makedirs(os.path.join(work, "args"), exist_ok=True)
    db = []
    srcs = sorted(checks)
    for i, src in enumerate(srcs):
        cc, cflags, _ = compiles[src]
        base = os.path.join(work, "args", str(i))
        write_argv(base + ".clang", [cc, "-fsyntax-only"] + no_depfile(cflags) + [src])
        write_argv(base + ".check", no_depfile(checks[src]))
        db.append({"directory": tree, "file": src,
                   "arguments": [cc] + cflags + ["-c", "-o", src[:-2] + ".o", src]})
    with open(os.path.join(work, "tus"), "w") as f:
        f.write("".join(s + "\n" for s in srcs))
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    print(len(srcs))


def read_tu(path):
    """'%e %U %S %M %x' of /usr/bin/time (last line: a signal note may precede)."""
    with open(path) as f:
        e, u, s, m, x = f.read().split("\n")[-2].split()
    return float(e), float(u) + float(s), int(m), int(x)


def read_run(rundir, tool, sel):
    d = os.path.join(rundir, tool)
    with open(os.path.join(d, "wall")) as f:
        wall = float(f.read())
    tus = [read_tu(os.path.join(d, str(i))) for i in sel]
    return {"wall": wall, "cpu": sum(t[1] for t in tus),
            "rss": max(t[2] for t in tus), "failed": sum(t[3] != 0 for t in tus),
            "tu": tus}


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def ratio(a, b):
    return "%.2f" % (a / b) if b else "-"


def summary_table(runs, tools, ntus):
    med = {t: {k: median([r[t][k] for r in runs]) for k in ("wall", "cpu", "rss", "failed")}
           for t in tools}
    ref = med.get("clang")
    print("| tool | wall (s) | wall ratio | CPU user+sys (s) | CPU ratio "
          "| peak RSS (MB) | RSS ratio | TUs failed |")
    print("|---|---|---|---|---|---|---|---|")
    for t in tools:
        m = med[t]
        print("| %s | %.1f | %s | %.1f | %s | %.0f | %s | %d/%d |" % (
            t, m["wall"], ratio(m["wall"], ref["wall"]) if ref else "-",
            m["cpu"], ratio(m["cpu"], ref["cpu"]) if ref else "-",
            m["rss"] / 1024, ratio(m["rss"], ref["rss"]) if ref else "-", m["failed"], ntus))


def analysis_line(runs):
    """What mmlock adds to its own parse."""
    med = {t: {k: median([r[t][k] for r in runs]) for k in ("cpu", "rss")}
           for t in ("parse", "mmlock")}
    print("\nmmlock over its own parse (mmlock --parse-only): CPU %+.0f %%, peak RSS %+.0f MB"
          % (100.0 * (med["mmlock"]["cpu"] / med["parse"]["cpu"] - 1),
             (med["mmlock"]["rss"] - med["parse"]["rss"]) / 1024))


def rss_line(runs, tus):
    """Peak against peak hides where the extra memory is: per TU too."""
    rs = []
    for i, src in enumerate(tus):
        c = median([r["clang"]["tu"][i][2] for r in runs])
        m = median([r["mmlock"]["tu"][i][2] for r in runs])
        rs.append((m / c if c else float("nan"), src))
    rs.sort()
    print("\nper-TU RSS ratio mmlock / clang: median %.2f, max %.2f (%s), %d of %d TUs above 1.30"
          % (rs[len(rs) // 2][0], rs[-1][0], rs[-1][1], sum(r > 1.3 for r, _ in rs), len(rs)))


def slowest_table(runs, tus, n=10):
    """TUs where mmlock spends the most CPU time over clang, per-TU medians
    (CPU rather than wall time: less disturbed by other load)."""
    rows = []
    for i, src in enumerate(tus):
        c = median([r["clang"]["tu"][i][1] for r in runs])
        m = median([r["mmlock"]["tu"][i][1] for r in runs])
        rc = median([r["clang"]["tu"][i][2] for r in runs])
        rm = median([r["mmlock"]["tu"][i][2] for r in runs])
        rows.append((m - c, src, c, m, rc, rm))
    rows.sort(reverse=True)
    print("\n| TU (most CPU time over clang) | clang CPU (s) | mmlock CPU (s) | ratio | RSS clang / mmlock (MB) |")
    print("|---|---|---|---|---|")
    for _, src, c, m, rc, rm in rows[:n]:
        print("| %s | %.2f | %.2f | %s | %.0f / %.0f |" % (src, c, m, ratio(m, c),
                                                           rc / 1024, rm / 1024))


def selected(work):
    """(indices, source paths) of the TUs measured."""
    with open(os.path.join(work, "tus")) as f:
        tus = f.read().split()
    with open(os.path.join(work, "sel")) as f:
        sel = [int(x) for x in f.read().split()]
    return sel, [tus[i] for i in sel]


def cmd_report(work):
    sel, tus = selected(work)
    rundirs = sorted(os.path.join(work, "runs", d) for d in os.listdir(os.path.join(work, "runs")))
    tools = [t for t in TOOLS if os.path.isdir(os.path.join(rundirs[0], t))]
    runs = [{t: read_run(d, t, sel) for t in tools} for d in rundirs]
    print("%d TUs, %d run(s), medians\n" % (len(tus), len(runs)))
    summary_table(runs, tools, len(tus))
    if "parse" in tools and "mmlock" in tools:
        analysis_line(runs)
    if "clang" in tools and "mmlock" in tools:
        rss_line(runs, tus)
        slowest_table(runs, tus)


# (phase, frame): the innermost frame of the list found in a sample's chain
# names its phase; a chain through summaries_get() is a summary's.
PHASE_FRAMES = (
    ("main-file test (fe_in_main_file)", "fe_in_main_file"),
    ("lowering", "fe_lower_function"),
    ("engine", "engine_run"),
    ("engine", "engine_run_tu_hooks"),
    ("TU index (names, enum constants)", "fe_build_index"),
    ("struct initialisers", "fe_for_each_function_slot"),
    ("function walk (error test, arena)", "each_function"),
    ("TU disposal", "fe_close"),
    ("model", "load_model"),
    ("model", "model_resolve"),
)


def other_phase(frames):
    """A sample outside every phase frame: start-up, or a chain perf lost."""
    if any("ld-linux" in d for _, d in frames):
        return "start-up: dynamic linking of libclang (ld.so)"
    if frames and all("kernel" in d or d == "unknown" for _, d in frames):
        return "kernel, no user stack (page faults of fresh memory, mostly)"
    if frames and "libc" in frames[0][1] and len(frames) <= 2:
        return "libc, caller lost (string work of the engine, mostly)"
    return "other (exit, report, unknown)"


def sample_phase(tid, pid, frames):
    """frames: (symbol, dso), innermost first."""
    if tid != pid:
        return "libclang parse (clang_parseTranslationUnit, its own thread)"
    syms = [f[0] for f in frames]
    phase = other_phase(frames)
    for sym in syms:
        hit = [p for p, f in PHASE_FRAMES if f == sym]
        if hit:
            phase = hit[0]
            break
    if "summaries_get" in syms and phase in ("lowering", "engine"):
        phase = "summaries: " + phase
    elif phase in ("lowering", "engine"):
        phase = "main-file functions: " + phase
    if phase.endswith("lowering") and "libclang" in frames[0][1]:
        phase += " (in libclang's cursor API)"
    return phase


def perf_samples(path):
    """Yields (tid, pid, frames) of mmlock's samples in perf script output."""
    head, frames = None, []
    with open(path, errors="replace") as f:
        for line in f:
            if not line.strip():
                if head:
                    yield head[0], head[1], frames
                head, frames = None, []
            elif not line[0].isspace():
                pid, tid = re.search(r"(\d+)/(\d+)", line).groups()
                head = (tid, pid) if line.split()[0] == "mmlock" else None
            else:
                m = re.match(r"\s*[0-9a-f]+ (.*) \((.*)\)$", line)
                if m:
                    frames.append((m.group(1).replace(" (inlined)", ""), m.group(2)))
    if head:
        yield head[0], head[1], frames


def cmd_phases(path):
    count, total = {}, 0
    for tid, pid, frames in perf_samples(path):
        phase = sample_phase(tid, pid, frames)
        count[phase] = count.get(phase, 0) + 1
        total += 1
    print("| phase | share of mmlock's CPU samples |")
    print("|---|---|")
    for phase, n in sorted(count.items(), key=lambda kv: -kv[1]):
        print("| %s | %.1f %% |" % (phase, 100.0 * n / total))
    print("\n%d samples" % total)


def read_ir(path):
    with open(path) as f:
        text = f.read().strip().replace(",", "")
    return int(text) if text else 0


def cmd_instructions(work):
    sel, tus = selected(work)
    d = os.path.join(work, "runs", "01")
    tools = [t for t in TOOLS if os.path.isdir(os.path.join(d, t))]
    ir = {t: [read_ir(os.path.join(d, t, "%d.ir" % i)) for i in sel] for t in tools}
    ref = sum(ir["clang"]) if "clang" in ir else 0
    print("%d TUs, instructions counted by callgrind (G = 10^9)\n" % len(sel))
    print("| tool | instructions (G) | ratio | TUs without a count |")
    print("|---|---|---|---|")
    for t in tools:
        print("| %s | %.2f | %s | %d |" % (t, sum(ir[t]) / 1e9, ratio(sum(ir[t]), ref),
                                          sum(x == 0 for x in ir[t])))
    print("\n| TU | " + " | ".join("%s (G)" % t for t in tools) + " |")
    print("|---|" + "---|" * len(tools))
    for k, src in enumerate(tus):
        print("| %s | " % src + " | ".join("%.2f" % (ir[t][k] / 1e9) for t in tools) + " |")


def part_name(part):
    return part.rstrip("/").replace("/", "_")


def cmd_sweep(work, parts):
    print("| tree part | TUs | crashes | hangs (timed out) | parse failures "
          "| functions | given up on | findings | wall (s) |")
    print("|---|---|---|---|---|---|---|---|---|")
    notes, finds, bad = [], [], 0
    for part in parts:
        base = os.path.join(work, part_name(part))
        with open(base + ".json") as f:
            doc = json.load(f)
        with open(base + ".wall") as f:
            wall = f.read().strip()
        s = doc["summary"]
        bad += s["crashes"] + s["timeouts"]
        print("| %s | %d | %d | %d | %d | %d | %d | %d | %s |" % (
            part, s["files"], s["crashes"], s["timeouts"], s["parse_failures"],
            s["functions"], s["gave_up"], len(doc["findings"]), wall))
        notes += doc["notifications"]
        finds += doc["findings"]
    print("\nRun notes (crashes, hangs, parse failures and errors, give-ups):\n")
    for n in sorted(notes, key=lambda n: (n.get("file", ""), n.get("message", ""))):
        print("- %s: %s: %s" % (n.get("file", "?"), n["kind"], n["message"]))
    print("\nFindings:\n")
    for f in sorted(finds, key=lambda f: (f["file"], f["line"])):
        print("- %s:%d: %s(): [%s] %s" % (f["file"], f["line"], f.get("function", "?"),
                                         f["check"], f["message"]))
    sys.exit(1 if bad else 0)


def main(argv):
    if len(argv) >= 5 and argv[1] == "commands":
        cmd_commands(argv[2], argv[3], argv[4], argv[5:])
    elif len(argv) == 3 and argv[1] == "report":
        cmd_report(argv[2])
    elif len(argv) == 3 and argv[1] == "instructions":
        cmd_instructions(argv[2])
    elif len(argv) >= 4 and argv[1] == "sweep":
        cmd_sweep(argv[2], argv[3:])
    elif len(argv) == 3 and argv[1] == "phases":
        cmd_phases(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
