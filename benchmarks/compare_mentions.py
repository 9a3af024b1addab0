"""Throughput of `timeline mentions` for two versions of the code, measured in one run.

    python benchmarks/compare_mentions.py [--before REV] [--after REV] [--repeat N] [--mb SIZE]

`--before` and `--after` are git revisions (default: `main` and the working tree). Each
revision's `timeline_cli` package is exported to a scratch folder (the working tree is used
in place), and `python -m timeline_cli mentions --format jsonl --ref-date 2025-11-20 FILE`
runs with that folder first on PYTHONPATH, the two versions alternating round by round, so
load on the machine falls on both alike. FILE is whole copies of the material (the seed and
tests/articles/*.txt, as in run_all.py), about --mb MB (default 10, the size of run_all.py's
throughput figure). The figure is the median characters per second of --repeat runs each
(default 5), after one warm-up run each.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_inputs import ROOT, copies_for, repeated_file  # noqa: E402
from bench_measure import median, rate, ratio, run_command, table  # noqa: E402

REF = ["--ref-date", "2025-11-20"]


def export(revision: str, into: Path) -> Path:
    """The package `timeline_cli` as it is at `revision`, under `into`."""
    archive = subprocess.run(["git", "archive", "--format=tar", revision, "timeline_cli"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def imported_from(tree: Path, env: dict) -> str:
    done = subprocess.run([sys.executable, "-c", "import timeline_cli; print(timeline_cli.__file__)"],
                          env=env, capture_output=True, text=True, check=True, cwd=tree.parent)
    return done.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", default="main", help="git revision measured first (default: main)")
    ap.add_argument("--after", default=None, help="git revision measured second (default: the working tree)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--mb", type=float, default=10.0, help="size of the input in MB (10^6 bytes), as run_all.py's figure")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="compare-mentions-") as scratch:
        scratch_path = Path(scratch)
        trees = {}
        for label, revision in (("before", args.before), ("after", args.after)):
            if revision is None:
                trees[f"{label} (working tree)"] = ROOT
            else:
                trees[f"{label} ({revision})"] = export(revision, scratch_path / label)
        path = scratch_path / "input.txt"
        size, chars = repeated_file(path, copies_for(int(args.mb * 1_000_000)))
        jobs = []
        for label, tree in trees.items():
            env = {**os.environ, "PYTHONPATH": str(tree), "NO_COLOR": "1"}
            where = imported_from(tree, env)
            if not where.startswith(str(tree)):
                raise SystemExit(f"{label}: timeline_cli was imported from {where}, not from {tree}")
            argv_ = [sys.executable, "-m", "timeline_cli", "mentions", "--format", "jsonl", *REF, str(path)]
            jobs.append((label, argv_, env))
        print(f"input: {size:,} bytes, {chars:,} chars; {args.repeat} runs each, alternating, after a warm-up")
        times: dict[str, list[float]] = {label: [] for label, *_ in jobs}
        for _label, argv_, env in jobs:
            run_command(argv_, env=env, cwd=scratch_path)
        for round_ in range(args.repeat):
            for label, argv_, env in jobs:
                run, _ = run_command(argv_, env=env, cwd=scratch_path)
                times[label].append(run.seconds)
            print(f"  round {round_ + 1}/{args.repeat}", file=sys.stderr)
        rates = {label: chars / median(ts) for label, ts in times.items()}
        first = next(iter(rates.values()))
        rows = [[label, f"{median(times[label]):.3f}", rate(r), ratio(r / first)] for label, r in rates.items()]
        print(table(["version", "median s", "chars/s", "vs before"], rows, left=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
