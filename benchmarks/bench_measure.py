"""Measuring for run_all.py: timed subprocesses with their peak RSS, medians, plain tables.

A command is timed from just before it is started to just after it is reaped; its
peak RSS and CPU time come from os.wait4 (the kernel's own accounting for that one
child, and for the worker processes it waited for), so no /usr/bin/time is needed.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

MB = 1_000_000  # sizes and memory are in MB of 10^6 bytes throughout


class BenchError(Exception):
    """A benchmarked command failed or timed out; the message says which and why."""


@dataclass
class Run:
    seconds: float
    max_rss: int | None  # bytes, None where the platform cannot tell
    cpu: float | None  # user + system seconds, the child and the workers it reaped
    stopped: bool = False  # stopped at its deadline: seconds and max_rss are lower bounds


@dataclass
class Series:
    """Several runs of one thing, and what it was measured on."""

    label: str
    runs: list[Run] = field(default_factory=list)
    chars: int | None = None
    bytes: int | None = None
    stop_reason: str | None = None  # why a stopped run was stopped

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_rss(self) -> int | None:
        values = [r.max_rss for r in self.runs if r.max_rss is not None]
        return max(values) if values else None

    @property
    def median_cpu(self) -> float | None:
        values = [r.cpu for r in self.runs if r.cpu is not None]
        return statistics.median(values) if values else None

    @property
    def stopped(self) -> bool:
        return any(r.stopped for r in self.runs)

    @property
    def spread(self) -> float:
        """(max - min) / median: how much the runs disagree."""
        times = [r.seconds for r in self.runs]
        return (max(times) - min(times)) / self.median if self.median else 0.0

    def as_dict(self) -> dict:
        return {"label": self.label, "chars": self.chars, "bytes": self.bytes,
                "median_seconds": round(self.median, 6), "peak_rss_bytes": self.peak_rss,
                "median_cpu_seconds": self.median_cpu, "stopped": self.stopped,
                "stop_reason": self.stop_reason,
                "runs": [asdict(r) for r in self.runs]}


def _kill_group(p: subprocess.Popen) -> None:
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_command(argv: Sequence[str], *, env: dict | None = None, timeout: float | None = None,
                capture: bool = False, cwd: Path | None = None,
                stop_after: float | None = None) -> tuple[Run, bytes]:
    """Run argv once, stdout to /dev/null (or a pipe that is read to the end when `capture`).

    Returns the measurement and the captured output. A non-zero exit status or a timeout
    raises BenchError with the end of the command's stderr. A command still running after
    `stop_after` seconds (when that is sooner than the timeout) is stopped and returned as
    a Run with stopped=True: its time and peak RSS so far are lower bounds.
    """
    soft = stop_after is not None and (timeout is None or stop_after < timeout)
    limit = stop_after if soft else timeout
    fired = threading.Event()

    def stop(p: subprocess.Popen) -> None:
        fired.set()
        _kill_group(p)

    with tempfile.TemporaryFile() as err:
        stdout = subprocess.PIPE if capture else subprocess.DEVNULL
        t0 = time.perf_counter()
        # Its own process group, so that a timeout also stops the --jobs workers.
        p = subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=stdout, stderr=err,
                             env=env, cwd=cwd, start_new_session=True)
        timer = threading.Timer(limit, stop, (p,)) if limit else None
        if timer:
            timer.start()
        out = b""
        try:
            if capture:
                assert p.stdout is not None
                out = p.stdout.read()
                p.stdout.close()
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(p.pid, 0)
                elapsed = time.perf_counter() - t0
                p.returncode = os.waitstatus_to_exitcode(status)
                scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
                run = Run(elapsed, usage.ru_maxrss * scale, usage.ru_utime + usage.ru_stime,
                          stopped=soft and fired.is_set())
            else:  # no per-child accounting here: time only
                p.wait()
                run = Run(time.perf_counter() - t0, None, None, stopped=soft and fired.is_set())
        except BaseException:
            _kill_group(p)
            p.wait()
            raise
        finally:
            if timer:
                timer.cancel()
        if run.stopped:
            return run, out
        if p.returncode != 0:
            err.seek(0)
            tail = err.read()[-2000:].decode("utf-8", "replace").strip()
            what = (f"timed out after {timeout:g} s" if fired.is_set() else f"exit status {p.returncode}")
            raise BenchError(f"{' '.join(map(str, argv))}: {what}" + (f"\n{tail}" if tail else ""))
    return run, out


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


# --------------------------------------------------------------------------- formatting


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def secs(seconds: float) -> str:
    return f"{seconds:,.2f}" if seconds < 100 else f"{seconds:,.1f}"


def mb(n: int | None) -> str:
    if n is None:
        return "-"
    return f"{n / MB:,.0f}" if n >= 100 * MB else f"{n / MB:,.1f}" if n >= MB else f"{n / MB:.3f}"


def rate(chars_per_second: float | None) -> str:
    return "-" if chars_per_second is None else f"{chars_per_second:,.0f}"


def ratio(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}x"


def pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], *, left: int = 1) -> str:
    """A plain text table: the first `left` columns left-aligned, the rest right-aligned."""
    cells = [list(map(str, header))] + [list(map(str, r)) for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]

    def line(r: list[str]) -> str:
        return "  ".join(c.ljust(w) if i < left else c.rjust(w)
                         for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in cells[1:])
    return "\n".join(out)


def verdict(ok: bool | None) -> str:
    return {True: "PASS", False: "FAIL", None: "SKIP"}[ok]
