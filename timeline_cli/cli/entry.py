"""The process's first steps, before anything heavy is imported: the `timeline` command and
`python -m timeline_cli` start here.

- Ctrl-C, SIGTERM and SIGHUP end the run with 130, 143 and 129 and no traceback, from
  the first moment on (also while the rest is still being imported); temporary output
  files are removed on the way out.
- A standard stream the process was started without (`timeline list >&-`) gets /dev/null
  on its descriptor, so that no file opened later takes its number; writing to a closed
  stdout then ends the run like a closed pipe, reading a closed stdin finds nothing.
- The garbage collector does not walk what start-up made (see main).
"""

from __future__ import annotations

import gc
import os
import signal
import sys


class Interrupted(SystemExit):
    """The run was ended by a signal; `code` is 128 + its number."""


def _on_signal(signum, frame):
    raise Interrupted(128 + signum)


def catch_signals() -> None:
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            try:
                signal.signal(getattr(signal, name), _on_signal)
            except (ValueError, OSError):  # not the main thread, or not allowed here
                pass


class ClosedStream:
    """Stands for a standard stream the process was started without."""

    def __init__(self, fd: int):
        self._fd = fd
        self.closed_at_start = True

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "standard output is closed")

    def flush(self) -> None:
        pass

    def read(self, size: int = -1):
        return ""

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._fd

    @property
    def buffer(self):
        return self


class _Silent(ClosedStream):
    def write(self, text: str) -> int:
        return len(text)


def fill_closed_streams() -> None:
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        try:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        except OSError:
            pass
        setattr(sys, name, _Silent(fd) if name == "stderr" else ClosedStream(fd))


catch_signals()  # now, on import: the rest of start-up is covered too


def main() -> None:
    fill_closed_streams()
    # What importing the command line makes (modules, classes, compiled patterns) lives as long
    # as the process: the collector would walk it again and again and free nothing. Frozen, the
    # collections of the run and the last one at exit skip it (~20 ms of a short run).
    gc.disable()
    from .app import main as run

    gc.freeze()
    gc.enable()
    try:
        run()
    finally:
        gc.freeze()
