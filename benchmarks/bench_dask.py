"""Dask on one machine vs worker processes: a 2,000-file folder (bench_inputs.article_folder).

    python benchmarks/bench_dask.py [--files 2000] [--runs 3] [--workers 2]

Times, as medians of --runs runs, each a fresh process as a user would start it:
- `timeline list DIR --jobs N -f plain` (the files, N worker processes);
- `timeline index DIR --dask local:N --parquet OUT` (a LocalCluster of N worker processes,
  its start and stop included);
- `timeline list --parquet OUT -f plain` (reading the dataset);
and checks that the dataset prints exactly what the files print (stdout and stderr).
Needs the distributed extra. Not a test: it prints figures, and says FAIL when the outputs
differ or the Dask index takes more than 1.5x the time of list --jobs N.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bench_inputs  # noqa: E402

TIMELINE = [sys.executable, "-m", "timeline_cli"]


def timed(args: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(TIMELINE + args, cwd=cwd, capture_output=True)
    return time.perf_counter() - started, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    try:
        size, _ = bench_inputs.article_folder(work / "news", options.files)
        print(f"{options.files} files, {size / 1e6:.1f} MB, in {work / 'news'}; {options.runs} runs each")
        jobs, dask, read = [], [], []
        same = True
        for run in range(options.runs):
            seconds, files = timed(["list", "news", "--jobs", str(options.workers), "-f", "plain"], work)
            jobs.append(seconds)
            out = f"news-{run}.parquet"
            seconds, built = timed(["index", "news", "--dask", f"local:{options.workers}", "--parquet", out], work)
            if built.returncode != 0:
                print(built.stderr.decode())
                return 1
            dask.append(seconds)
            seconds, stored = timed(["list", "--parquet", out, "-f", "plain"], work)
            read.append(seconds)
            same = same and stored.stdout == files.stdout and stored.stderr == files.stderr and files.stdout != b""
        m_jobs, m_dask, m_read = (statistics.median(x) for x in (jobs, dask, read))
        print(f"list --jobs {options.workers}:                {m_jobs:6.2f} s  (runs: {_runs(jobs)})")
        print(f"index --dask local:{options.workers} --parquet:  {m_dask:6.2f} s  (runs: {_runs(dask)})"
              f"  = {m_dask / m_jobs:.2f}x list --jobs {options.workers}")
        print(f"list --parquet:                {m_read:6.2f} s  (runs: {_runs(read)})")
        print(f"index + list --parquet:        {m_dask + m_read:6.2f} s  = {(m_dask + m_read) / m_jobs:.2f}x")
        print(f"same output (stdout and stderr): {'yes' if same else 'NO'}")
        ok = same and m_dask <= 1.5 * m_jobs
        print("PASS" if ok else "FAIL", f"(target: the same output, index within 1.5x of list --jobs {options.workers})")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _runs(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


if __name__ == "__main__":
    raise SystemExit(main())
