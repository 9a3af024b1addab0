"""Speed and memory of timeline-cli, side by side with its floors and with JioNLP.

    python benchmarks/run_all.py [--quick | --smoke] [--repeat N] [--only SECTION[,SECTION]]
                                 [--json FILE] [--out DIR] [--budget MIN] [--timeout S]

Sections (issue 6, "Benchmarks" and "Targets"), in the order they run:

  startup      `timeline --help` and `timeline list` (the embedded seed, output to a pipe,
               so plain text) against the floor `python -c "import typer, rich"`, after a
               warm-up run that writes .pyc files (pip writes them at install). Also
               `list --format table` (what a terminal gets: it imports Rich's console and
               table, which the floor does not). Targets (issue 13): --help <= 2x, list
               <= 3x, list as a table <= 3.5x the floor.
  throughput   characters per second of `timeline mentions --format jsonl` and
               `timeline list --format jsonl` (subprocesses, output to /dev/null) on a
               corpus of >= 10 MB: ONE file of whole copies of the material (the seed and
               tests/articles/*.txt joined by blank lines). JioNLP's
               `jionlp.ner.extract_time(text, time_base=..., with_parsing=True)`, single
               process, after a warm-up call, is timed on the first ~1 MB of the same
               file (the same material, repeated fewer times), and so are the library call
               `timeline_cli.api.extract_mentions` and `timeline mentions` on that prefix.
               Target: `timeline mentions` >= 10x JioNLP's characters per second.
  jobs         `timeline list --jobs 1` vs `--jobs 2` on a folder of 1,000 articles (the
               material with small changes, in ten sub-folders). Target: speed-up >= 1.7x.
               Then `timeline mentions --jobs 1` vs `--jobs 2` on the 10 MB file, whose
               parts go to the workers (no target).
  adversarial  `timeline mentions` on 0.25, 0.5 and 1 MB of hostile text on one line
               (digits, full-width digits, 年/月/日, Chinese numerals, punctuation, long runs
               of one kind). Target: linear, the time per MB at 1 MB (start-up taken off)
               at most 1.5x the time per MB at 0.25 MB.
  scaling      1, 10 and 100 MB single files (the same repeated material): wall time and
               peak RSS of `timeline mentions` and `timeline list` (--format jsonl, to
               /dev/null). Targets: 100 MB time <= 12x the 10 MB time; peak RSS < 300 MB at
               100 MB. --quick skips 100 MB. Each 100 MB run is done once, last of all, and
               stopped once it passes 12x the 10 MB time (the target has failed) or when
               the run's --budget is spent; a stopped run's time and memory are lower
               bounds, which can fail a target but not pass one.
  suites       the peers' test suites in ../shared/suites (benchmarks/bench_suites.py):
               JioNLP's parser >= 75% and Duckling's corpus >= 70% of cases passing; each
               suite >= 95% passing or listed in docs/timex.md's divergence table.

Every figure is the median of several runs; the things compared in a section run
interleaved, so load on the machine falls on all of them alike. Runs per figure:
--repeat N (default 5, --quick 3) for light runs and twice that for start-up; runs on
>= 10 MB inputs, JioNLP and the --jobs runs take half (rounded up; 1 with --quick).
All CLI runs except the start-up ones pass --ref-date 2025-11-20 (the seed's
publication date, also JioNLP's time_base). MB = 10^6 bytes (of UTF-8 text, and of
memory); peak RSS is the kernel's ru_maxrss for the command (os.wait4; for --jobs, the
largest of its processes). Inputs are built under --out (default benchmarks/out/,
git-ignored) and rebuilt on every run. --smoke runs every section on a few kB, once,
without JioNLP: it checks the script, not the tool (tests/test_benchmarks_smoke.py).

Exit status: 0 when the benchmarks ran (targets may fail: see the PASS/FAIL lines),
1 when a benchmarked command failed, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_inputs import (  # noqa: E402
    ROOT,
    adversarial_text,
    article_folder,
    copies_for,
    prefix_bytes,
    repeated_file,
    unit,
)
from bench_measure import (  # noqa: E402
    MB,
    BenchError,
    Run,
    Series,
    mb,
    ms,
    pct,
    rate,
    ratio,
    run_command,
    secs,
    table,
    verdict,
)

SECTIONS = ("startup", "throughput", "jobs", "adversarial", "suites", "scaling")  # the open-ended runs last
REF_DATE = date(2025, 11, 20)
REF = ["--ref-date", REF_DATE.isoformat()]
AUTO = object()  # a target's verdict follows from its measure


class Bench:
    """What the sections share: the commands, the scratch folder, run counts and a cache of
    series, so a figure two sections need (the 10 MB runs) is measured once."""

    def __init__(self, args: argparse.Namespace):
        self.smoke: bool = args.smoke
        self.quick: bool = args.quick and not args.smoke
        self.repeat: int = 1 if args.smoke else args.repeat or (3 if args.quick else 5)
        # Input sizes, in copies of the material (one copy is ~23.7 kB); --smoke shrinks
        # everything to a few copies, just enough to run every line of every section.
        c1 = copies_for(MB)
        self.copies = ({"1 MB": 1, "10 MB": 2, "100 MB": 3} if self.smoke else
                       {"1 MB": c1, "10 MB": 10 * c1} if self.quick else
                       {"1 MB": c1, "10 MB": 10 * c1, "100 MB": 100 * c1})
        self.prefix_copies = 1 if self.smoke else copies_for(MB // 4) if self.quick else c1
        self.folder_files = 20 if self.smoke else 1000
        self.adversarial_mb = 10_000 if self.smoke else MB  # what "1 MB" of hostile text is
        self.use_jionlp = not self.smoke
        self.started = time.perf_counter()
        self.budget: float | None = args.budget * 60 if args.budget > 0 else None
        self.timeout: float = args.timeout
        self.out: Path = args.out.resolve()
        self.inputs = self.out / "inputs"
        self.inputs.mkdir(parents=True, exist_ok=True)
        self.timeline = find_timeline(args.timeline)
        self.python = python_of(self.timeline)
        config = self.out / "xdg-config"  # no user entity file changes what is measured
        config.mkdir(exist_ok=True)
        cache = self.out / "xdg-cache"  # the tool writes nothing there; a cache would show up here
        cache.mkdir(exist_ok=True)
        self.env = {**os.environ, "XDG_CONFIG_HOME": str(config), "XDG_CACHE_HOME": str(cache),
                    "COLUMNS": "100", "NO_COLOR": "1", "PYTHONUNBUFFERED": "0"}
        for name in ("TIMELINE_DEBUG", "PYTHONDONTWRITEBYTECODE"):
            self.env.pop(name, None)  # measure what a user runs: with .pyc files
        self.cache: dict[str, Series] = {}
        self.files: dict[str, tuple[Path, int, int]] = {}
        self.results: dict[str, dict] = {}
        self.targets: list[dict] = []

    # run counts
    @property
    def light(self) -> int:
        return self.repeat

    @property
    def heavy(self) -> int:
        return 1 if self.quick or self.smoke else max(1, (self.repeat + 1) // 2)

    def tl(self, *args: str) -> list[str]:
        return [*self.timeline, *args]

    def interleaved(self, jobs: list[tuple[str, list[str], dict]], n: int, *, warmup: bool = False,
                    progress: str = "") -> list[Series]:
        """Run each (key, argv, info) n times, round-robin; keys already measured n times are reused."""
        todo = []
        for key, argv, info in jobs:
            s = self.cache.setdefault(key, Series(key, chars=info.get("chars"), bytes=info.get("bytes")))
            if len(s.runs) < n:
                todo.append((s, argv, info))
        if warmup:
            for _s, argv, info in todo:
                run_command(argv, env=self.env, timeout=self.timeout, capture=info.get("capture", False))
        rounds = max((n - len(s.runs) for s, _, _ in todo), default=0)
        for _ in range(rounds):
            for s, argv, info in todo:
                if len(s.runs) < n:
                    if not s.runs or s.runs[-1].seconds > 2:  # say what is running, when it is slow
                        say(f"  {progress}run {len(s.runs) + 1}/{n}: {s.label}")
                    run, _ = run_command(argv, env=self.env, timeout=self.timeout,
                                         capture=info.get("capture", False))
                    s.runs.append(run)
        return [self.cache[key] for key, _, _ in jobs]

    def target(self, section: str, name: str, measured: float | None, op: str, limit: float,
               unit: str = "x", note: str = "", ok: object = AUTO, bound: str = "") -> None:
        """Record and print one target's PASS/FAIL (SKIP when it could not be measured);
        `ok` overrides the verdict (for lower bounds)."""
        if ok is AUTO:
            ok = None if measured is None else {"<=": measured <= limit, ">=": measured >= limit,
                                                "<": measured < limit}[op]
        self.targets.append({"section": section, "target": name, "measured": measured, "op": op,
                             "limit": limit, "unit": unit, "ok": ok, "note": note,
                             "lower_bound": bool(bound)})
        print(f"{verdict(ok)}  {name}: {bound}{fmt_unit(measured, unit)} (target {op} {fmt_unit(limit, unit)})"
              + (f"  [{note}]" if note else ""))

    def budget_left(self) -> float | None:
        return None if self.budget is None else self.budget - (time.perf_counter() - self.started)

    # inputs
    def corpus(self, name: str, copies: int) -> tuple[Path, int, int]:
        if name not in self.files:
            path = self.inputs / f"{name}.txt"
            size, chars = repeated_file(path, copies)
            self.files[name] = (path, size, chars)
        return self.files[name]

    def sizes(self) -> dict[str, tuple[Path, int, int]]:
        """The 1, 10 and 100 MB files: 1 MB is whole copies of the material, the others 10x and
        100x that many copies, so their sizes are exactly 10 and 100 times the first."""
        return {name: self.corpus(f"corpus_{copies}x", copies) for name, copies in self.copies.items()}


def fmt_unit(x: float | None, unit: str) -> str:
    if x is None:
        return "-"
    return f"{x:.2f}x" if unit == "x" else f"{x:,.0f} {unit}"


def say(msg: str) -> None:
    """Progress on stderr (the tables go to stdout)."""
    print(msg, file=sys.stderr, flush=True)


def find_timeline(given: str | None) -> list[str]:
    """The command to benchmark: --timeline, else the `timeline` script beside this Python, else
    on PATH, else `python -m timeline_cli` when this Python can import it."""
    if given:
        found = shutil.which(given)
        if not found:
            raise SystemExit(f"error: --timeline {given!r}: no such command")
        return [found]
    beside = Path(sys.executable).parent / "timeline"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("timeline")
    if found:
        return [found]
    if importlib.util.find_spec("timeline_cli") is not None:
        return [sys.executable, "-m", "timeline_cli"]
    raise SystemExit("error: no `timeline` command beside this Python or on PATH; "
                     "install the project first (make bench, or pip install -e '.[bench]')")


def python_of(command: list[str]) -> str:
    """The interpreter the command runs with (a console script's #! line), for the import floor."""
    if len(command) > 1:
        return command[0]
    try:
        with open(command[0], "rb") as f:
            first = f.readline().decode("utf-8", "replace").strip()
        if first.startswith("#!"):
            exe = Path(first[2:].strip().split()[0])
            if exe.exists() and exe.name.startswith("python"):
                return str(exe)
    except OSError:
        pass
    return sys.executable


# --------------------------------------------------------------------------- sections


def startup(b: Bench) -> dict:
    n = 1 if b.smoke else 2 * b.light
    jobs = [
        ("startup: floor", [b.python, "-c", "import typer, rich"], {"capture": True}),
        ("startup: --help", b.tl("--help"), {"capture": True}),
        ("startup: list", b.tl("list"), {"capture": True}),
        ("startup: list table", b.tl("list", "--format", "table"), {"capture": True}),
    ]
    floor, helps, lists, tables = b.interleaved(jobs, n, warmup=True, progress="startup ")
    rows = [[label, len(s.runs), ms(s.median), ratio(s.median / floor.median), pct(s.spread)] for label, s in (
        ('python -c "import typer, rich" (floor)', floor),
        ("timeline --help", helps),
        ("timeline list (seed, to a pipe: plain text)", lists),
        ("timeline list --format table (Rich's console and table too)", tables),
    )]
    print(table(["command", "runs", "median ms", "vs floor", "spread"], rows))
    b.target("startup", "timeline --help / import floor", helps.median / floor.median, "<=", 2.0)
    b.target("startup", "timeline list (seed) / import floor", lists.median / floor.median, "<=", 3.0)
    b.target("startup", "timeline list --format table (seed) / import floor", tables.median / floor.median, "<=", 3.5)
    return {"series": [s.as_dict() for s in (floor, helps, lists, tables)]}


def _jionlp() -> Callable[[str], object] | None:
    from score_timex import quiet  # the dev-set scorer's way of silencing JioNLP

    try:
        with quiet():
            import jionlp
    except ImportError:
        return None
    base = time.mktime(REF_DATE.timetuple())

    def extract(text: str) -> object:
        with quiet():
            return jionlp.ner.extract_time(text, time_base=base, with_parsing=True)

    return extract


def _ours() -> Callable[[str], object] | None:
    try:
        from timeline_cli.api import extract_mentions
    except ImportError:
        return None
    return lambda text: extract_mentions(text, REF_DATE)


def throughput(b: Bench) -> dict:
    sizes = b.sizes()
    path10, bytes10, chars10 = sizes["10 MB"]
    info10 = {"chars": chars10, "bytes": bytes10}
    mentions10, list10 = b.interleaved([
        ("mentions 10 MB", b.tl("mentions", "--format", "jsonl", *REF, str(path10)), info10),
        ("list 10 MB", b.tl("list", "--format", "jsonl", *REF, str(path10)), info10),
    ], b.heavy, progress="throughput ")

    # The prefix JioNLP reads: whole copies of the material from the start of the same file
    # (the 1 MB file of the scaling section; a quarter of it with --quick).
    pcopies = b.prefix_copies
    pname = "1 MB" if pcopies == b.copies["1 MB"] else f"{pcopies} copies"
    ppath, pbytes, pchars = b.corpus(f"corpus_{pcopies}x", pcopies)
    prefix = ppath.read_text(encoding="utf-8")
    with path10.open(encoding="utf-8") as f:
        if f.read(len(prefix)) != prefix:
            raise BenchError("the JioNLP prefix is not the start of the 10 MB corpus")
    plabel = f"first {mb(pbytes)} MB"
    (mentions_prefix,) = b.interleaved([
        (f"mentions {pname}", b.tl("mentions", "--format", "jsonl", *REF, str(ppath)),
         {"chars": pchars, "bytes": pbytes}),
    ], b.light, progress="throughput ")

    # In process: one warm-up call each on one copy of the material, then timed calls on
    # the prefix, alternating between the two extractors.
    warm = unit()
    calls = {name: fn for name, fn in (("library", _ours()), ("jionlp", _jionlp() if b.use_jionlp else None))
             if fn is not None}
    if "jionlp" not in calls and b.use_jionlp:
        say("  JioNLP is not installed (pip install -e '.[bench]'); its row is skipped")
    timed = {name: Series(name, chars=pchars, bytes=pbytes) for name in calls}
    for fn in calls.values():
        fn(warm)
    for i in range(b.heavy):
        for name, fn in calls.items():
            say(f"  throughput run {i + 1}/{b.heavy}: {name} on the {plabel} prefix, in process")
            t0 = time.perf_counter()
            fn(prefix)
            timed[name].runs.append(Run(time.perf_counter() - t0, None, None))
    jio = timed.get("jionlp")
    jio_rate = pchars / jio.median if jio else None

    def row(what: str, s: Series, on: str) -> list:
        r = s.chars / s.median
        return [what, on, f"{s.chars:,}", len(s.runs), secs(s.median), rate(r),
                ratio(r / jio_rate) if jio_rate else "-"]

    on10 = f"{mb(bytes10)} MB file"
    rows = [row("timeline mentions --format jsonl", mentions10, on10),
            row("timeline list --format jsonl", list10, on10),
            row("timeline mentions --format jsonl", mentions_prefix, plabel)]
    if "library" in timed:
        rows.append(row("timeline_cli.api.extract_mentions (in process)", timed["library"], plabel))
    if jio:
        rows.append(row("jionlp.ner.extract_time(with_parsing=True)", jio, plabel))
    print(table(["extractor", "input", "chars", "runs", "median s", "chars/s", "vs JioNLP"], rows, left=2))
    ucopies = bytes10 // len(warm.encode("utf-8"))
    print(f"corpus: one file, {bytes10:,} bytes, {chars10:,} chars = {ucopies} copies of the material "
          f"(seed + tests/articles/*.txt, {len(warm):,} chars); the prefix is its first {pcopies} "
          f"copies ({pchars:,} chars, the same bytes as the file the CLI prefix row reads).\n"
          f"CLI rows: wall time of the whole command (start-up, reading, JSON to /dev/null). "
          f"In-process rows: the call alone, after one warm-up call on one copy; "
          f"JioNLP's time_base and --ref-date are both {REF_DATE}.")
    m_ratio = mentions10.chars / mentions10.median / jio_rate if jio_rate else None
    b.target("throughput", "timeline mentions (10 MB) chars/s / JioNLP's", m_ratio, ">=", 10,
             note="" if jio_rate else "JioNLP not installed")
    series = [mentions10, list10, mentions_prefix, *timed.values()]
    return {"series": [s.as_dict() for s in series], "jionlp_chars_per_second": jio_rate}


def scaling(b: Bench) -> dict:
    sizes = b.sizes()
    found: dict[tuple[str, str], Series] = {}
    for size, (path, nbytes, chars) in sizes.items():
        info = {"chars": chars, "bytes": nbytes}
        argv = {cmd: b.tl(cmd, "--format", "jsonl", *REF, str(path)) for cmd in ("mentions", "list")}
        if size != "100 MB":
            got = b.interleaved([(f"{cmd} {size}", argv[cmd], info) for cmd in argv],
                                b.heavy if size == "10 MB" else b.light, progress="scaling ")
            found[("mentions", size)], found[("list", size)] = got
            continue
        # One run each, stopped once the time target is sure to fail (12x the 10 MB time)
        # or when the time budget is spent, whichever comes first.
        for cmd in argv:
            s = Series(f"{cmd} {size}", chars=chars, bytes=nbytes)
            limit = 12 * found[(cmd, "10 MB")].median * 1.01
            left = b.budget_left()
            stop_after = limit if left is None else min(limit, left)
            if stop_after < 1:
                say(f"  scaling: {cmd} 100 MB skipped, the time budget is spent")
                continue
            say(f"  scaling run 1/1: {cmd} {size} (stopped after {stop_after:,.0f} s if still running)")
            run, _ = run_command(argv[cmd], env=b.env, timeout=b.timeout, stop_after=stop_after)
            s.runs.append(run)
            s.stop_reason = (None if not run.stopped else "12x" if stop_after == limit else "budget")
            found[(cmd, size)] = s
    rows = []
    for cmd in ("mentions", "list"):
        for size in sizes:
            s = found.get((cmd, size))
            if s is None:
                rows.append([f"timeline {cmd} --format jsonl", size, "-", 0, "skipped", "-", "-"])
                continue
            gt = ">" if s.stopped else ""
            rows.append([f"timeline {cmd} --format jsonl", size, f"{s.bytes:,}", len(s.runs),
                         gt + secs(s.median), gt + secs(s.median / (s.bytes / MB)),
                         (">=" if s.stopped else "") + mb(s.peak_rss)])
    print(table(["command", "size", "bytes", "runs", "median s", "s per MB", "peak RSS MB"], rows, left=2))
    ratios = []
    for cmd in ("mentions", "list"):
        r10 = found[(cmd, "10 MB")].median / found[(cmd, "1 MB")].median
        huge = found.get((cmd, "100 MB"))
        r100 = huge.median / found[(cmd, "10 MB")].median if huge else None
        ratios.append([f"timeline {cmd}", ratio(r10),
                       "-" if r100 is None else (">" if huge.stopped else "") + ratio(r100)])
    print(table(["command", "10 MB / 1 MB time", "100 MB / 10 MB time"], ratios))
    for cmd in ("mentions", "list"):
        huge = found.get((cmd, "100 MB"))
        r = huge.median / found[(cmd, "10 MB")].median if huge else None
        rss = huge.peak_rss / MB if huge and huge.peak_rss is not None else None
        note = ("100 MB skipped with --quick" if "100 MB" not in sizes else
                "skipped: the time budget was spent" if huge is None else "")
        time_ok, rss_ok = None, None
        if huge is not None and huge.stopped:
            # A stopped run gives lower bounds: enough to fail a target, not to pass one.
            time_ok = False if r > 12 else None
            rss_ok = False if rss is not None and rss >= 300 else None
            note = (f"stopped after {huge.median:,.0f} s, "
                    + ("past 12x the 10 MB time" if huge.stop_reason == "12x" else
                       "at the time budget (--budget 0 runs it to the end)")
                    + "; figures are lower bounds")
        b.target("scaling", f"timeline {cmd}: 100 MB time / 10 MB time", r, "<=", 12, note=note,
                 ok=time_ok if huge is not None and huge.stopped else AUTO,
                 bound=">" if huge is not None and huge.stopped else "")
        b.target("scaling", f"timeline {cmd}: peak RSS at 100 MB", rss, "<", 300, "MB", note=note,
                 ok=rss_ok if huge is not None and huge.stopped else AUTO,
                 bound=">=" if huge is not None and huge.stopped else "")
    return {"series": [s.as_dict() for s in found.values()]}


def _one_and_two_jobs(b: Bench, command: str, args: list[str], info: dict, label: str,
                      chars: int | None = None) -> tuple[Series, Series]:
    """`timeline COMMAND --jobs 1` and `--jobs 2`, interleaved; their table (chars/s when `chars`)."""
    one, two = b.interleaved([
        (f"{label} --jobs {j}", b.tl(command, "--jobs", str(j), *args), info) for j in (1, 2)
    ], b.heavy, progress="jobs ")
    rows = [[f"timeline {command} --jobs {j}" + (f" ({label})" if chars else ""), len(s.runs), secs(s.median),
             secs(s.median_cpu) if s.median_cpu is not None else "-", mb(s.peak_rss),
             *([rate(chars / s.median)] if chars else []), ratio(one.median / s.median)]
            for j, s in ((1, one), (2, two))]
    print(table(["command", "runs", "median s", "CPU s", "peak RSS MB", *(["chars/s"] if chars else []), "speed-up"],
                rows))
    return one, two


def jobs(b: Bench) -> dict:
    files = b.folder_files
    folder = b.inputs / f"folder_{files}"
    nbytes, chars = article_folder(folder, files)
    one, two = _one_and_two_jobs(b, "list", ["--format", "jsonl", *REF, str(folder)],
                                 {"chars": chars, "bytes": nbytes}, "list")
    print(f"input: {files:,} files in 10 sub-folders, {nbytes:,} bytes, {chars:,} characters; "
          f"{os.cpu_count()} CPUs. CPU s: user+system of the command and its workers.")
    b.target("jobs", "list --jobs 2 speed-up over --jobs 1", one.median / two.median, ">=", 1.7)

    # One big file: its parts go to the workers (no target; the throughput target is --jobs 1).
    path10, bytes10, chars10 = b.sizes()["10 MB"]
    m_one, m_two = _one_and_two_jobs(b, "mentions", ["--format", "jsonl", *REF, str(path10)],
                                     {"chars": chars10, "bytes": bytes10}, f"one {mb(bytes10)} MB file", chars10)
    return {"series": [one.as_dict(), two.as_dict(), m_one.as_dict(), m_two.as_dict()], "files": files}


def adversarial(b: Bench) -> dict:
    one = b.adversarial_mb
    full = adversarial_text(one)
    sizes = {"~1 kB (start-up)": one // 1000, "0.25 MB": one // 4, "0.5 MB": one // 2, "1 MB": one}
    jobs_ = []
    for label, size in sizes.items():
        text = prefix_bytes(full, size)
        path = b.inputs / f"adversarial_{size}.txt"
        path.write_text(text, encoding="utf-8", newline="\n")
        jobs_.append((f"adversarial {label}", b.tl("mentions", "--format", "jsonl", *REF, str(path)),
                      {"chars": len(text), "bytes": len(text.encode("utf-8"))}))
    got = b.interleaved(jobs_, b.light, progress="adversarial ")
    base = got[0].median
    rows, net = [], {}
    for (label, _size), s in zip(sizes.items(), got, strict=True):
        per = s.median / (s.bytes / MB)
        if s is got[0]:
            rows.append([label, f"{s.chars:,}", len(s.runs), secs(s.median), "-", "-", mb(s.peak_rss)])
            continue
        net[label] = (s.median - base) / (s.bytes / MB)
        rows.append([label, f"{s.chars:,}", len(s.runs), secs(s.median), secs(per), secs(net[label]),
                     mb(s.peak_rss)])
    print(table(["input", "chars", "runs", "median s", "s per MB", "s per MB less start-up",
                 "peak RSS MB"], rows))
    print("input: one line of digits, full-width digits, 年/月/日 and other units, Chinese numerals, "
          "punctuation, date-shaped runs (valid or not) and long runs of one kind; "
          "`timeline mentions --format jsonl` to /dev/null. Start-up is the ~1 kB run.")
    growth = net["1 MB"] / net["0.25 MB"] if net["0.25 MB"] > 0 else None
    b.target("adversarial", "time per MB at 1 MB / at 0.25 MB, start-up taken off", growth, "<=", 1.5,
             note="1x is linear, 4x quadratic")
    return {"series": [s.as_dict() for s in got]}


def suites(b: Bench) -> dict:
    """The peers' test suites (bench_suites.py): share of cases passing, and passing or listed
    in docs/timex.md's divergence table. Skipped when ../shared/suites is not there."""
    import bench_suites

    directory = bench_suites.suites_dir()
    run = bench_suites.run_suites(directory, b.timeline) if directory is not None else None
    judged = bench_suites.judge(run, bench_suites.passing_ids(), bench_suites.divergences()) if run else None
    if judged is None:
        print("the suites are not there (../shared/suites, or TIMELINE_SUITES): skipped")
    else:
        print("\n".join(bench_suites.report(run, judged)))
    rates = judged.rates if judged else {}
    for suite in bench_suites.SUITE_NAMES:
        passed, documented, total = rates.get(suite, (0, 0, 0))
        if suite in bench_suites.TARGETS:
            b.target("suites", f"{suite} cases passing", 100 * passed / total if total else None, ">=",
                     100 * bench_suites.TARGETS[suite], unit="%")
        b.target("suites", f"{suite} cases passing or in the divergence table",
                 100 * (passed + documented) / total if total else None, ">=", 100 * bench_suites.COVERED_TARGET,
                 unit="%")
    return {"rates": {k: {"passed": p, "documented": d, "cases": n} for k, (p, d, n) in rates.items()}}


RUNNERS = {"startup": startup, "throughput": throughput, "scaling": scaling, "jobs": jobs,
           "adversarial": adversarial, "suites": suites}


# --------------------------------------------------------------------------- main


def git_commit() -> str | None:
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return (head + ("+changes" if dirty else "")) or None
    except (OSError, subprocess.SubprocessError):
        return None


def loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="run_all.py", description=__doc__.split("\n\n")[0],
                                 epilog="Sections: " + ", ".join(SECTIONS))
    ap.add_argument("--quick", action="store_true",
                    help="fewer runs, no 100 MB input, a ~0.25 MB JioNLP prefix (about 3 minutes)")
    ap.add_argument("--smoke", action="store_true",
                    help="every section on tiny inputs, one run each, without JioNLP: checks "
                         "that the script works (seconds); its figures mean nothing")
    ap.add_argument("--repeat", type=int, metavar="N",
                    help="runs per light figure (default 5, --quick 3); heavy ones take half")
    ap.add_argument("--only", action="append", metavar="SECTION",
                    help="run only these sections (repeatable or comma-separated)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write every run and result as JSON")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out", metavar="DIR",
                    help="scratch folder for the generated inputs (default benchmarks/out/)")
    ap.add_argument("--timeline", metavar="CMD", help="the command to benchmark (default: the "
                    "`timeline` beside this Python, else on PATH)")
    ap.add_argument("--budget", type=float, default=15.0, metavar="MIN",
                    help="minutes the whole run may take before a 100 MB run still going is "
                         "stopped (its figures then are lower bounds); 0: no limit (default 15)")
    ap.add_argument("--timeout", type=float, default=1800.0, metavar="S",
                    help="seconds before one run is stopped and counted as failed (default 1800)")
    args = ap.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        ap.error("--repeat must be at least 1")
    chosen = []
    for item in args.only or []:
        for name in filter(None, (x.strip() for x in item.split(","))):
            if name not in SECTIONS:
                ap.error(f"--only {name!r}: choose from {', '.join(SECTIONS)}")
            chosen.append(name)
    args.sections = [s for s in SECTIONS if s in chosen] if chosen else list(SECTIONS)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    b = Bench(args)
    started, t0 = datetime.now().astimezone(), time.perf_counter()
    meta = {"started": started.isoformat(timespec="seconds"), "commit": git_commit(),
            "python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "load_average_start": loadavg(), "quick": b.quick, "smoke": b.smoke,
            "repeat": b.repeat, "timeline": " ".join(b.timeline), "floor_python": b.python}
    print(f"timeline-cli benchmarks  {meta['started']}  commit {meta['commit'] or '?'}  "
          f"Python {meta['python']}  {meta['cpus']} CPUs  load {meta['load_average_start']}"
          f"{'  (--quick)' if b.quick else ''}")
    if b.smoke:
        print("SMOKE RUN: tiny inputs, one run each; the figures and verdicts below mean nothing.")
    print(f"runs per figure: {b.light} light, {1 if b.smoke else 2 * b.light} start-up, {b.heavy} heavy (>= 10 MB, "
          f"JioNLP, --jobs), 1 at 100 MB; medians. MB = 10^6 bytes.")
    status = 0
    for name in args.sections:
        print(f"\n== {name} ==")
        say(f"[{name}]")
        s0 = time.perf_counter()
        try:
            b.results[name] = RUNNERS[name](b)
        except BenchError as exc:
            print(f"ERROR  {name}: {exc}")
            b.results[name] = {"error": str(exc)}
            status = 1
        b.results.setdefault(name, {})["seconds"] = round(time.perf_counter() - s0, 1)
        sys.stdout.flush()
    elapsed = time.perf_counter() - t0
    meta["load_average_end"], meta["seconds"] = loadavg(), round(elapsed, 1)
    print("\n== targets ==")
    rows = [[verdict(t["ok"]), t["section"], t["target"],
             "-" if t["measured"] is None else (">" if t["lower_bound"] else "") + f"{t['measured']:,.2f}",
             f"{t['op']} {t['limit']:g}"]
            for t in b.targets]
    print(table(["", "section", "target", "measured", "target"], rows, left=3))
    print(f"\ntotal {elapsed / 60:.1f} min; load average at the end {meta['load_average_end']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"meta": meta, "sections": b.results, "targets": b.targets},
                                        ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
