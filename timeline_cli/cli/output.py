"""Where a command's output goes: stdout, or --output FILE without ever destroying what FILE is.

What `--output PATH` does with each kind of target:

- a path that does not exist yet, or a regular file: the output is written to a temporary
  file beside it and renamed over it when complete, so the file is either the old one or
  the whole new one, never half-written. An existing file keeps its mode and owner; one
  with other hard links, or owned by someone else, is rewritten in place (after the
  output is complete, so an error or Ctrl-C still leaves it untouched); a read-only file
  is refused.
- a symbolic link: followed; the file it points to is replaced and the link stays a link.
- /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the descriptor the process was
  given, written where it stands (`-o /dev/stdout >> log` appends to the log).
- a character device, FIFO or socket: opened and written in place, as the shell's `>` does.
- a folder (or a path ending in /) and a block device: refused.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

_INHERITED = re.compile(r"^/(?:dev/fd|proc/(?:self|thread-self|\d+)/fd)/(\d+)$")
_STANDARD = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_MAX_LINKS = 40


class OutputError(OSError):
    """A target --output must not or cannot write; carries the path as given."""

    def __init__(self, path: str, reason: str):
        super().__init__(errno.EINVAL, reason, path)


class Target:
    """A resolved --output: `kind` is file | fd | stream; `path` what to write (for fd, N)."""

    def __init__(self, given: str, kind: str, path: str | int, *, in_place: bool = False,
                 mode: int | None = None, owner: tuple[int, int] | None = None):
        self.given, self.kind, self.path = given, kind, path
        self.in_place, self.mode, self.owner = in_place, mode, owner


def resolve(given: str | Path) -> Target:
    """What writing to `given` means (see the module's docstring); raises OutputError."""
    text = os.fspath(given)
    if text.endswith("/"):
        raise OutputError(text, "is a folder; give a file name")
    path = os.path.abspath(text)
    for _ in range(_MAX_LINKS):
        fd = _inherited_fd(path)
        if fd is not None:
            return _descriptor(text, fd)
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return _new_file(text, path)
        except OSError as exc:
            raise OutputError(text, (exc.strerror or str(exc)).lower()) from None
        if not stat.S_ISLNK(info.st_mode):
            return _existing(text, path, info)
        link = os.readlink(path)
        path = os.path.normpath(os.path.join(os.path.dirname(path), link))
        path = os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))
    raise OutputError(text, "too many levels of symbolic links")


def _inherited_fd(path: str) -> int | None:
    if path in _STANDARD:
        return _STANDARD[path]
    match = _INHERITED.match(path)
    if match is None:
        return None
    if "/proc/" in path and not re.match(rf"^/proc/(?:self|thread-self|{os.getpid()})/", path):
        return None  # another process's descriptor: an ordinary path
    return int(match.group(1))


def _descriptor(given: str, fd: int) -> Target:
    try:
        info = os.fstat(fd)
    except OSError:
        raise OutputError(given, f"descriptor {fd} is not open") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(given, "is a folder; give a file name")
    return Target(given, "fd", fd)


def _new_file(given: str, path: str) -> Target:
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        raise OutputError(given, "no such folder" if not os.path.exists(folder) else "is not in a folder")
    return Target(given, "file", path)


def _existing(given: str, path: str, info: os.stat_result) -> Target:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise OutputError(given, "is a folder; give a file name")
    if stat.S_ISBLK(mode):
        raise OutputError(given, "is a block device; not written")
    if stat.S_ISSOCK(mode):
        raise OutputError(given, "is a socket; cannot write to it")
    if not stat.S_ISREG(mode):  # character device, FIFO
        return Target(given, "stream", path)
    if not mode & 0o222 or not os.access(path, os.W_OK):
        raise OutputError(given, "is read-only; not replaced")
    others_own_it = info.st_uid != os.geteuid() and os.geteuid() != 0
    return Target(given, "file", path, in_place=info.st_nlink > 1 or others_own_it,
                  mode=stat.S_IMODE(mode), owner=(info.st_uid, info.st_gid))


def same_file(target: Target, paths) -> str | None:
    """The first of `paths` that is the file the target would write, else None."""
    if target.kind != "file" or not os.path.exists(target.path):
        return None
    for path in paths:
        try:
            if os.path.samefile(target.path, path):
                return os.fspath(path)
        except OSError:
            continue
    return None


class Writer:
    """A text stream into a Target; `commit()` makes the output final, `discard()` forgets it.

    For a file the text goes to a temporary file beside the target until `commit`; for a
    descriptor or stream it goes straight where it is headed.
    """

    def __init__(self, target: Target):
        self.target = target
        self._temp: str | None = None
        if target.kind == "file":
            fd, self._temp = _temp_beside(target)
            self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        elif target.kind == "fd":
            self.handle = os.fdopen(os.dup(target.path), "w", encoding="utf-8", newline="")
        else:
            try:
                self.handle = open(target.path, "w", encoding="utf-8", newline="")  # noqa: SIM115
            except OSError as exc:
                raise OutputError(target.given, (exc.strerror or str(exc)).lower()) from None

    def write(self, text: str) -> None:
        self.handle.write(text)

    def flush(self) -> None:
        self.handle.flush()

    def commit(self) -> None:
        self.handle.flush()
        if self._temp is None:
            self.handle.close()
            return
        os.fsync(self.handle.fileno())
        self.handle.close()
        target = self.target
        try:
            if target.in_place:
                _copy_into(self._temp, target.path)
            else:
                _keep_mode_and_owner(self._temp, target)
                os.replace(self._temp, target.path)
                _pending.discard(self._temp)
                self._temp = None
        except OSError as exc:
            raise OutputError(target.given, (exc.strerror or str(exc)).lower()) from None
        finally:
            self.discard()

    def discard(self) -> None:
        try:
            self.handle.close()
        except OSError:
            pass
        if self._temp is not None:
            try:
                os.unlink(self._temp)
            except OSError:
                pass
            _pending.discard(self._temp)
            self._temp = None


def _temp_beside(target: Target) -> tuple[int, str]:
    path = target.path
    try:
        import tempfile  # here: a run that writes to stdout does not pay for it

        fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(path)[:200]}.", suffix=".tmp",
                                    dir=os.path.dirname(path))
    except OSError as exc:
        raise OutputError(target.given, (exc.strerror or str(exc)).lower()) from None
    _pending.add(temp)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)
    return fd, temp


def _keep_mode_and_owner(temp: str, target: Target) -> None:
    if target.mode is None:
        return
    os.chmod(temp, target.mode)
    if target.owner is not None and os.geteuid() == 0:
        os.chown(temp, *target.owner)


def _copy_into(temp: str, path: str) -> None:
    with open(temp, "rb") as source, open(path, "r+b") as destination:
        destination.truncate(0)
        while block := source.read(1 << 20):
            destination.write(block)
        destination.flush()
        os.fsync(destination.fileno())


# Temporary files not yet committed, removed if a signal ends the process before they are.
_pending: set[str] = set()


def remove_pending() -> None:
    """Remove every temporary output file still in progress (on SIGTERM, SIGHUP, exit)."""
    for temp in list(_pending):
        try:
            os.unlink(temp)
        except OSError:
            pass
        _pending.discard(temp)


def write_whole(given: str | Path, text: str) -> None:
    """Write `text` to --output `given` (see the module's docstring)."""
    writer = Writer(resolve(given))
    try:
        writer.write(text)
        writer.commit()
    except BaseException:
        writer.discard()
        raise

