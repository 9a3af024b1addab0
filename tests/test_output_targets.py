"""--output never destroys what the path points at: every kind of target, with real files, links,
FIFOs, device nodes and closed standard streams (cli/output.py says what happens to each)."""

import os
import socket
import stat
import subprocess
import sys
import threading

import pytest

from conftest import ROOT, SEED, run_cli

IS_ROOT = os.geteuid() == 0


def plain_lines(text: bytes) -> list[bytes]:
    return text.splitlines()


@pytest.fixture(scope="module")
def expected() -> bytes:
    return run_cli("list", "-f", "plain").stdout


def test_a_new_file_is_written_whole(tmp_path, expected):
    target = tmp_path / "t.tsv"
    done = run_cli("list", "-o", str(target))
    assert done.returncode == 0 and target.read_bytes() == expected
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_an_existing_file_keeps_its_mode_and_owner(tmp_path, expected):
    target = tmp_path / "t.tsv"
    target.write_text("old\n")
    target.chmod(0o600)
    if IS_ROOT:
        os.chown(target, 1234, 5678)
    done = run_cli("list", "-o", str(target))
    assert done.returncode == 0 and target.read_bytes() == expected
    info = target.stat()
    assert stat.S_IMODE(info.st_mode) == 0o600
    if IS_ROOT:
        assert (info.st_uid, info.st_gid) == (1234, 5678)
    assert [p.name for p in tmp_path.iterdir()] == ["t.tsv"]


def test_hard_links_stay_linked(tmp_path, expected):
    target, other = tmp_path / "t.tsv", tmp_path / "other-name.tsv"
    target.write_text("old\n")
    os.link(target, other)
    done = run_cli("list", "-o", str(target))
    assert done.returncode == 0
    assert target.read_bytes() == expected and other.read_bytes() == expected
    assert target.stat().st_ino == other.stat().st_ino and target.stat().st_nlink == 2


def test_a_read_only_file_is_refused_and_kept(tmp_path):
    target = tmp_path / "t.tsv"
    target.write_text("keep me\n")
    target.chmod(0o444)
    done = run_cli("list", "-o", str(target))
    assert done.returncode == 2 and b"read-only" in done.stderr and len(done.stderr.splitlines()) == 1
    assert target.read_text() == "keep me\n" and stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_symlink_to_a_file_replaces_the_file_and_stays_a_link(tmp_path, expected):
    real = tmp_path / "data" / "real.tsv"
    real.parent.mkdir()
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.tsv"
    link.symlink_to(real)
    done = run_cli("list", "-o", str(link))
    assert done.returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == expected and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.tsv"]


def test_a_dangling_symlink_creates_its_target(tmp_path, expected):
    link = tmp_path / "link.tsv"
    link.symlink_to(tmp_path / "new.tsv")
    assert run_cli("list", "-o", str(link)).returncode == 0
    assert link.is_symlink() and (tmp_path / "new.tsv").read_bytes() == expected


def shell(command: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(["bash", "-c", command], capture_output=True, cwd=ROOT, env=env, timeout=120, **kwargs)


TL = f"'{sys.executable}' -m timeline_cli"


def test_dev_stdout_appended_to_a_log_keeps_the_log(tmp_path, expected):
    log = tmp_path / "log.txt"
    log.write_text("earlier lines\n")
    done = shell(f"{TL} list -o /dev/stdout >> '{log}'")
    assert done.returncode == 0, done.stderr.decode()
    assert log.read_bytes() == b"earlier lines\n" + expected


def test_dev_stdout_into_a_pipe(expected):
    done = shell(f"{TL} list -o /dev/stdout | wc -l")
    assert done.returncode == 0 and int(done.stdout) == len(plain_lines(expected))


def test_dev_stderr_and_a_numbered_descriptor(tmp_path, expected):
    done = shell(f"{TL} list -o /dev/stderr 2> '{tmp_path / 'err.txt'}'")
    assert done.returncode == 0 and (tmp_path / "err.txt").read_bytes() == expected
    done = shell(f"{TL} list -o /dev/fd/3 3> '{tmp_path / 'three.txt'}'")
    assert done.returncode == 0 and (tmp_path / "three.txt").read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["err.txt", "three.txt"]


def test_dev_null_stays_a_device(tmp_path):
    done = run_cli("list", "-o", "/dev/null")
    assert done.returncode == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_written_in_place(tmp_path, expected):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = run_cli("list", "-o", str(fifo))
    reader.join(timeout=60)
    assert done.returncode == 0 and got == [expected]
    assert stat.S_ISFIFO(fifo.stat().st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


@pytest.mark.skipif(not IS_ROOT, reason="mknod needs root")
def test_a_character_device_node_is_written_in_place(tmp_path):
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the null device
    done = run_cli("list", "-o", str(node))
    assert done.returncode == 0 and stat.S_ISCHR(node.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


@pytest.mark.skipif(not IS_ROOT, reason="mknod needs root")
def test_a_block_device_node_is_refused(tmp_path):
    node = tmp_path / "disk"
    os.mknod(node, stat.S_IFBLK | 0o600, os.makedev(7, 250))  # a loop device number, never opened
    done = run_cli("list", "-o", str(node))
    assert done.returncode == 2 and b"block device" in done.stderr
    assert stat.S_ISBLK(node.stat().st_mode)


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        done = run_cli("list", "-o", str(path))
    finally:
        server.close()
    assert done.returncode == 2 and b"socket" in done.stderr and stat.S_ISSOCK(path.stat().st_mode)


@pytest.mark.parametrize("suffix", ["", "/"])
def test_a_folder_is_refused(tmp_path, suffix):
    done = run_cli("list", "-o", str(tmp_path) + suffix)
    assert done.returncode == 2 and b"is a folder" in done.stderr and list(tmp_path.iterdir()) == []
    missing = run_cli("list", "-o", str(tmp_path / "new") + "/")
    assert missing.returncode == 2 and not (tmp_path / "new").exists()


def test_an_input_file_is_refused_as_output(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(SEED.read_bytes())
    done = run_cli("list", str(article), "-o", str(article))
    assert done.returncode == 2 and b"is the input" in done.stderr
    assert article.read_bytes() == SEED.read_bytes()
    inside = run_cli("mentions", str(tmp_path), "-o", str(article), "-f", "json")
    assert inside.returncode == 2 and article.read_bytes() == SEED.read_bytes()


def test_a_closed_stdout_is_a_closed_pipe():
    done = shell(f"{TL} list >&-")
    assert done.returncode == 141 and done.stderr == b""


def test_a_closed_stdout_does_not_matter_with_output(tmp_path, expected):
    target = tmp_path / "t.tsv"
    done = shell(f"{TL} list -o '{target}' >&-")
    assert done.returncode == 0 and done.stderr == b"" and target.read_bytes() == expected


def test_a_closed_stdin_is_said(tmp_path):
    done = shell(f"{TL} mentions - <&-")
    assert done.returncode == 1 and done.stderr.decode() == "timeline: -: standard input is closed; skipped\n"


def test_a_closed_stderr_loses_only_the_messages(tmp_path):
    done = shell(f"{TL} list '{tmp_path / 'missing.txt'}' 2>&-")
    assert done.returncode == 1 and done.stdout == b""
