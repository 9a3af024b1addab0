"""Inputs as users have them: encodings, folders, stdin, bad paths, huge files, many files.

Files are made by the tests in tmp_path; the CLI runs in a real process (run_cli).
"""

import json
import os
import random
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, SEED, run_cli, validate
from timeline_cli.cli.common import load
from timeline_cli.cli.options import Manners, Reading
from timeline_cli.documents import (
    DecodeError,
    InputError,
    TextStream,
    chunked,
    decode,
    expand_paths,
    read_raw,
)
from timeline_cli.pipeline import Settings, analyse, analyse_input, merge_timelines, read_in_parts
from timeline_cli.render.jsonout import events_payload, mentions_payload

ARTICLES = ROOT / "tests" / "articles"
HANT = (ARTICLES / "hk_tunnel_hant.txt").read_text("utf-8")
HANS = (ARTICLES / "phone_maker_hans.txt").read_text("utf-8")
REF = date(2025, 12, 15)
SHORT_BIG5 = "去年4月，立法院三讀通過預算案，颱風季前動工。"  # 23 characters


def values(text: str, ref: date = REF) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.value) for m in analyse_text(text, ref).mentions]


def analyse_text(text: str, ref: date = REF):
    from timeline_cli.documents import RawDocument

    return analyse(RawDocument("a.txt", text, "utf-8"), ref, events=False)


def mentions_json(*args: str, cwd: Path, input: bytes | None = None) -> tuple[dict, subprocess.CompletedProcess]:
    result = run_cli("mentions", *args, "--format", "json", "--ref-date", "2025-12-15", cwd=cwd, input=input)
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    payload = json.loads(result.stdout)
    validate(payload, "mentions")
    return payload, result


def stderr_lines(result) -> list[str]:
    return result.stderr.decode().strip().splitlines()


# --- encodings ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,encoding,reported", [
    (HANT, "utf-8", "utf-8"),
    (HANT, "utf-8-sig", "utf-8"),
    (HANT, "utf-16", "utf-16"),
    (HANT, "utf-16-be", None),  # written with a BOM below
    (HANT, "big5", "big5"),
    (HANT, "cp950", "big5"),
    (HANS, "gb18030", "gb18030"),
    (HANS, "gbk", "gb18030"),
    (HANS, "gb2312", "gb18030"),
    (HANT, "gb18030", "gb18030"),  # Traditional text in a mainland encoding
])
def test_encodings_are_detected(text, encoding, reported):
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data, reported = b"\xfe\xff" + data, "utf-16"
    decoded, used = decode(data)
    assert decoded == text
    assert used == reported


def test_hkscs_characters_decode_as_big5_hkscs():
    text = "香港人講嘢：佢哋琴日喺度食飯，2025年3月1日。"
    decoded, used = decode(text.encode("big5hkscs"))
    assert decoded == text and used == "big5hkscs"


def _windows(text: str, size: int, step: int = 11):
    flat = re.sub(r"\s+", "", text)
    return [flat[i:i + size] for i in range(0, len(flat) - size, step)]


@pytest.mark.parametrize("encoding,article", [
    ("big5", "hk_tunnel_hant.txt"), ("big5", "legislative_bill_hant.txt"), ("big5", "space_probe_hant.txt"),
    ("gb18030", "phone_maker_hans.txt"), ("gb18030", "football_season_hans.txt"),
    ("gb18030", "chip_acquisition_hant.txt"),
])
def test_twenty_characters_are_enough_to_tell_big5_from_gb18030(encoding, article):
    text = (ARTICLES / article).read_text("utf-8")
    wrong = []
    for window in _windows(text, 20):
        data = window.encode(encoding)
        if data.isascii():
            continue
        decoded, _ = decode(data)
        if decoded != window:
            wrong.append((window, decoded))
    assert not wrong, wrong[:3]


@pytest.mark.parametrize("data,reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    (bytes(range(256)) * 8, "binary"),
    (random.Random(1).randbytes(4000).replace(b"\x00", b"\x01"), "not text|binary"),
    (b"\x7fELF\x02\x01\x01" + bytes(range(1, 32)) * 20, "binary"),
])
def test_binary_is_refused_with_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def test_an_encoding_given_is_used_and_a_wrong_one_is_refused():
    assert decode(HANT.encode("big5"), "big5") == (HANT, "big5")
    assert decode("\ufeff2025年".encode(), "utf-8")[0] == "2025年"  # the BOM is not text
    with pytest.raises(DecodeError, match="not valid utf-8"):
        decode(HANT.encode("big5"), "utf-8")


def test_a_long_ascii_start_does_not_decide_the_encoding():
    data = b"Published 2025-12-15.\n" * 20_000 + HANT.encode("big5")
    blocks = [data[i:i + 4096] for i in range(0, len(data), 4096)]
    stream = TextStream(iter(blocks))
    text = "".join(stream)
    assert text.endswith(HANT) and stream.encoding == "big5"


@pytest.mark.parametrize("encoding", ["utf-8", "big5", "gb18030", "utf-16"])
def test_a_last_character_cut_short_is_dropped_not_fatal(encoding):
    whole = HANT.rstrip()
    assert not whole[-1].isascii()
    text, used = decode(whole.encode(encoding)[:-1])
    assert text == whole[:-1] and used == encoding


def test_bytes_gone_bad_after_the_sample_are_an_error_naming_the_place():
    data = HANS.encode("utf-8") * 200 + b"\xff\xfe broken"
    with pytest.raises(DecodeError, match=r"not valid utf-8 near byte \d+"):
        "".join(TextStream(iter([data[i:i + 1000] for i in range(0, len(data), 1000)])))


# --- cutting into parts ----------------------------------------------------------------------

def test_parts_join_back_exactly_and_end_at_paragraphs():
    text = "".join(f"第{i}段。2025年{i % 12 + 1}月，事情發生。\n\n" for i in range(400))
    pieces = [text[i:i + 777] for i in range(0, len(text), 777)]
    parts = list(chunked(pieces, 1000))
    assert "".join(parts) == text
    assert all(len(p) <= 1000 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])


def test_a_single_huge_line_is_cut_at_sentence_ends_then_anywhere():
    line = "2025年4月，公司發布新品！" * 500
    parts = list(chunked([line], 1000))
    assert "".join(parts) == line
    assert all(p.endswith("！") for p in parts[:-1])
    blind = "0" * 10_000
    parts = list(chunked([blind], 1000))
    assert [len(p) for p in parts] == [1000] * 10


def test_parts_are_never_tiny():
    # Blank lines right at the start of every window must not make thousands of tiny parts.
    text = "\n\n" + "字" * 5000
    parts = list(chunked([text * 20], 4000))
    assert all(len(p) >= 1000 for p in parts[:-1])


@pytest.mark.parametrize("article", sorted(p.name for p in ARTICLES.glob("*.txt")) + ["seed"])
@pytest.mark.parametrize("chunk,context", [(300, 2000), (500, 120), (700, 0)])
def test_a_document_read_in_parts_reads_like_the_whole(article, chunk, context):
    path = SEED if article == "seed" else ARTICLES / article
    text = path.read_text("utf-8")
    whole = analyse(read_raw(path))
    parts = analyse_input(path, Settings(chunk_chars=chunk, context_chars=context)).analysis
    assert parts.document.ref == whole.document.ref and parts.document.script == whole.document.script
    ids = [m.id for m in parts.mentions]
    assert ids == [f"m{i}" for i in range(1, len(ids) + 1)]
    for m in parts.mentions:
        assert text[m.start:m.end] == m.text
        assert m.anchor in (None, "ref_date") or m.anchor in ids
    for event in parts.events:
        for evidence in event.evidence:
            assert text[evidence.start:evidence.end] == evidence.sentence
            assert evidence.mention is None or evidence.mention in ids
    assert len({e.id for e in parts.events}) == len(parts.events)
    found = {(m.start, m.end): m.value for m in parts.mentions}
    expected = {(m.start, m.end): m.value for m in whole.mentions}
    if context >= chunk:
        assert found == expected  # with the part before in view, nothing is lost at the seams
    else:
        assert len(set(found.items()) & set(expected.items())) >= 0.8 * len(expected)


def test_parts_come_as_they_are_read_and_a_late_problem_comes_last(tmp_path, monkeypatch):
    import timeline_cli.documents as documents

    monkeypatch.setattr(documents, "BLOCK_BYTES", 4096)
    path = tmp_path / "a.txt"
    path.write_bytes((HANS + "\n\n").encode() * 40 + b"\xff\xfe broken")  # past the detection sample
    outcomes = list(read_in_parts(path, Settings(ref_option=REF, chunk_chars=2000, events=False)))
    parts, last = outcomes[:-1], outcomes[-1]
    assert len(parts) >= 5 and all(o.analysis is not None and o.error is None for o in parts)
    assert last.analysis is None and "not valid utf-8" in last.error.reason
    ids = [m.id for o in parts for m in o.analysis.mentions]
    assert ids == [f"m{i}" for i in range(1, len(ids) + 1)] and len(ids) > 30 * 10
    assert analyse_input(path, Settings(ref_option=REF)).error == last.error


def test_one_part_is_exactly_the_whole_analysis():
    whole = analyse(read_raw(SEED))
    read = analyse_input(SEED, Settings()).analysis
    assert read.mentions == whole.mentions and read.events == whole.events
    assert read.document.text == ""  # not kept: see pipeline.Analysis


# --- paths -----------------------------------------------------------------------------------

def make_tree(root: Path) -> None:
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "z.txt").write_text(HANS, "utf-8")
    (root / "a" / "2.txt").write_text(HANT, "utf-8")
    (root / "a" / "10.md").write_text(HANT, "utf-8")
    (root / "a" / "10.meta.toml").write_text('published = 2025-01-01\n', "utf-8")
    (root / "b" / "deep" / "x.txt").write_text(HANS, "utf-8")
    (root / "b" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / ".hidden" / "h.txt").write_text(HANS, "utf-8")


def test_folders_are_walked_in_a_stable_order(tmp_path):
    make_tree(tmp_path)
    found = [p.relative_to(tmp_path).as_posix() for p in expand_paths([str(tmp_path)])]
    assert found == ["z.txt", "a/10.md", "a/2.txt", "b/deep/x.txt"]
    picked = [p.relative_to(tmp_path).as_posix() for p in expand_paths([str(tmp_path)], "*.txt")]
    assert picked == ["z.txt", "a/2.txt", "b/deep/x.txt"]
    assert [p.name for p in expand_paths([str(tmp_path)], "b/*")] == ["photo.jpg", "x.txt"]


def test_problems_with_paths_are_reported_not_raised(tmp_path):
    (tmp_path / "ok.txt").write_text(HANS, "utf-8")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "empty").mkdir()
    found = list(expand_paths([str(tmp_path / "missing.txt"), str(tmp_path / "gone"), str(tmp_path / "self"),
                               str(tmp_path / "empty"), str(tmp_path / "ok.txt")]))
    reasons = [f.reason for f in found[:4]]
    assert all(isinstance(f, InputError) for f in found[:4])
    assert "no such file" in reasons[0]
    assert "broken symbolic link" in reasons[1]
    assert "loop" in reasons[2]
    assert "no text files" in reasons[3]
    assert found[4] == tmp_path / "ok.txt"


def test_a_folder_linked_inside_itself_is_reported_once(tmp_path):
    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text(HANS, "utf-8")
    (tmp_path / "news" / "sub" / "back").symlink_to(tmp_path / "news")
    (tmp_path / "news" / "sub" / "loop").symlink_to(tmp_path / "news" / "sub" / "loop")
    found = list(expand_paths([str(tmp_path / "news")]))
    files = [f for f in found if not isinstance(f, InputError)]
    errors = [f for f in found if isinstance(f, InputError)]
    assert files == [tmp_path / "news" / "a.txt"]
    assert len(errors) == 2 and all("loop" in e.reason for e in errors)


# --- through the command line ---------------------------------------------------------------

@pytest.fixture
def mixed_folder(tmp_path):
    root = tmp_path / "news"
    (root / "tw" / "2025").mkdir(parents=True)
    (root / "cn").mkdir()
    (root / "tw" / "2025" / "tunnel.txt").write_bytes(HANT.encode("big5"))
    (root / "tw" / "2025" / "short.txt").write_bytes(SHORT_BIG5.encode("big5"))
    (root / "tw" / "seed.txt").write_bytes(SEED.read_text("utf-8").encode("cp950"))
    (root / "cn" / "phone.txt").write_bytes(HANS.encode("gb18030"))
    (root / "cn" / "phone16.txt").write_bytes(HANS.encode("utf-16"))
    (root / "cn" / "bom.txt").write_bytes(HANS.encode("utf-8-sig"))
    (root / "cn" / "empty.txt").write_bytes(b"")
    (root / "cn" / "blank.txt").write_bytes(b" \n\n\t\n")
    (root / "cn" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return root


def test_a_folder_of_every_encoding_through_the_cli(mixed_folder):
    payload, result = mentions_json("news", cwd=mixed_folder.parent)
    assert result.returncode == 1
    documents = {Path(d["path"]).name: d for d in payload["documents"]}
    assert [Path(d["path"]).as_posix() for d in payload["documents"]] == [
        "news/cn/bom.txt", "news/cn/phone.txt", "news/cn/phone16.txt", "news/tw/seed.txt",
        "news/tw/2025/short.txt", "news/tw/2025/tunnel.txt"]
    assert {n: d["encoding"] for n, d in documents.items()} == {
        "bom.txt": "utf-8", "phone.txt": "gb18030", "phone16.txt": "utf-16", "seed.txt": "cp950",
        "short.txt": "big5", "tunnel.txt": "big5"}
    assert [(m["text"], m["value"]) for m in documents["short.txt"]["mentions"]] == [("去年4月", "2024-04")]
    expected_hans = [m[2] for m in values(HANS)]
    for name in ("bom.txt", "phone.txt", "phone16.txt"):
        assert [m["value"] for m in documents[name]["mentions"]] == expected_hans
    assert [m["value"] for m in documents["tunnel.txt"]["mentions"]] == [m[2] for m in values(HANT)]
    errors = {Path(e["path"]).name: e["reason"] for e in payload["errors"]}
    assert set(errors) == {"image.txt"} and "binary" in errors["image.txt"]  # empty files are not errors
    lines = stderr_lines(result)
    assert sorted(lines) == ["timeline: news/cn/blank.txt: empty; nothing to read",
                             "timeline: news/cn/empty.txt: empty; nothing to read",
                             "timeline: news/cn/image.txt: binary file (contains NUL bytes), not text; if it is "
                             "UTF-16 without a BOM, give --encoding utf-16-le (or utf-16-be); skipped"]


def test_the_encoding_option_overrides_detection(mixed_folder):
    folder = mixed_folder.parent
    payload, result = mentions_json("news/tw/2025/tunnel.txt", "--encoding", "big5", cwd=folder)
    assert result.returncode == 0 and payload["documents"][0]["encoding"] == "big5"
    payload, result = mentions_json("news/tw/2025/tunnel.txt", "news/cn/bom.txt", "--encoding", "utf-8", cwd=folder)
    assert result.returncode == 1
    assert [Path(d["path"]).name for d in payload["documents"]] == ["bom.txt"]
    assert "not valid utf-8" in payload["errors"][0]["reason"]
    bad = run_cli("mentions", "news", "--encoding", "klingon", cwd=folder)
    assert bad.returncode == 2 and len(stderr_lines(bad)) == 1 and "--encoding" in bad.stderr.decode()


def test_glob_picks_files_in_folders(mixed_folder):
    payload, result = mentions_json("news", "--glob", "tw/*", cwd=mixed_folder.parent)
    assert result.returncode == 0
    assert [Path(d["path"]).name for d in payload["documents"]] == ["seed.txt", "short.txt", "tunnel.txt"]
    payload, result = mentions_json("news", "--glob", "*.csv", cwd=mixed_folder.parent)
    assert result.returncode == 1 and "no file matches --glob" in result.stderr.decode()


def test_stdin_in_big5_between_files(mixed_folder):
    folder = mixed_folder.parent
    payload, result = mentions_json("news/cn/phone.txt", "-", "news/cn/bom.txt", cwd=folder,
                                    input=HANT.encode("big5"))
    assert result.returncode == 0
    assert [d["path"] for d in payload["documents"]] == ["news/cn/phone.txt", "-", "news/cn/bom.txt"]
    assert payload["documents"][1]["encoding"] == "big5"
    assert [m["value"] for m in payload["documents"][1]["mentions"]] == [m[2] for m in values(HANT)]


def test_bad_paths_each_get_one_line_and_the_rest_is_shown(tmp_path):
    (tmp_path / "ok.txt").write_text(HANS, "utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "deleted.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "ring").symlink_to(tmp_path / "folder")
    (tmp_path / "folder" / "a.txt").write_text(HANT, "utf-8")
    args = ["missing.txt", "dangling.txt", "loop.txt", "folder", "ok.txt"]
    payload, result = mentions_json(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert [d["path"] for d in payload["documents"]] == ["folder/a.txt", "ok.txt"]
    lines = stderr_lines(result)
    assert len(lines) == 4, lines
    for line, words in zip(lines, (["missing.txt", "no such file"], ["dangling.txt", "broken symbolic link"],
                                   ["loop.txt", "loop"], ["folder/ring", "loop"]), strict=True):
        assert all(w in line for w in words), line


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_skipped(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(HANS, "utf-8")
    locked.chmod(0)
    (tmp_path / "ok.txt").write_text(HANS, "utf-8")
    try:
        payload, result = mentions_json("locked.txt", "ok.txt", cwd=tmp_path)
    finally:
        locked.chmod(0o644)
    assert result.returncode == 1
    assert "permission denied" in payload["errors"][0]["reason"]
    assert [d["path"] for d in payload["documents"]] == ["ok.txt"]


def test_a_huge_single_line_keeps_offsets_into_the_whole_file(tmp_path):
    # Three parts of at most 350,000 characters: the streaming path, through the real command.
    count = 35_000
    line = "".join(f"第{i}則：{2000 + i % 25}年{i % 12 + 1}月，公司發布新品。" for i in range(count))
    (tmp_path / "line.txt").write_text(line, "utf-8")
    result = run_cli("mentions", "line.txt", "--format", "jsonl", "--ref-date", "2025-12-15", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    rows = [json.loads(row) for row in result.stdout.splitlines()]
    assert len(line) > 2 * 350_000 and len(rows) == count
    assert [r["id"] for r in rows[:3]] == ["m1", "m2", "m3"] and rows[-1]["id"] == f"m{len(rows)}"
    for r in rows[::997] + rows[-3:]:
        assert line[r["start"]:r["end"]] == r["text"]
    last = count - 1
    assert rows[-1]["value"] == f"{2000 + last % 25}-{last % 12 + 1:02d}"


def test_a_big_file_is_read_in_bounded_memory(tmp_path):
    # 24 MB of text few dates in it; read whole it would need well over 100 MB.
    big = tmp_path / "big.txt"
    paragraph = ("這是一段沒有什麼日期的文字，只是為了讓檔案變大。" * 20 + "\n\n").encode("utf-8")
    with big.open("wb") as out:
        for _ in range(24_000_000 // len(paragraph)):
            out.write(paragraph)
        out.write("2025年4月，公司發布新品。\n".encode())
    script = (
        "import resource, sys\n"
        "from datetime import date\n"
        "from timeline_cli.pipeline import Settings, analyse_input, _warm_up\n"
        "_warm_up()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "out = analyse_input(sys.argv[1], Settings(ref_option=date(2025, 12, 15), events=False))\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print((after - before) // 1024, [m.value for m in out.analysis.mentions])\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(big)], capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    grown, found = done.stdout.decode().split(" ", 1)
    assert found.strip() == "['2025-04']"
    assert int(grown) < 60, f"memory grew by {grown} MB"


# --- many files, in parallel ------------------------------------------------------------------

@pytest.fixture(scope="module")
def many_files(tmp_path_factory):
    root = tmp_path_factory.mktemp("many")
    articles = [SEED] + sorted(ARTICLES.glob("*.txt"))
    for i in range(24):
        folder = root / f"d{i % 3}"
        folder.mkdir(exist_ok=True)
        source = articles[i % len(articles)]
        (folder / f"{i:02d}.txt").write_text(source.read_text("utf-8") + f"\n\n第{i}篇。\n", "utf-8")
    (root / "d1" / "broken.txt").write_bytes(b"\x00\x01binary")
    return root


def _rendered(inputs) -> tuple[str, str]:
    events = events_payload(merge_timelines(inputs.analyses), inputs.analyses, inputs.errors)
    mentions = mentions_payload(inputs.analyses, inputs.errors)
    return json.dumps(events, ensure_ascii=False, default=str), json.dumps(mentions, ensure_ascii=False)


def test_jobs_do_not_change_the_output(many_files, capsys):
    one = load(Reading(paths=[str(many_files)], jobs=1), Manners(quiet=True), mentions="all")
    two = load(Reading(paths=[str(many_files)], jobs=2), Manners(quiet=True), mentions="all")
    assert len(one.analyses) == 24 and len(one.errors) == 1
    assert _rendered(one) == _rendered(two)
    validate(json.loads(_rendered(two)[0]), "events")
    validate(json.loads(_rendered(two)[1]), "mentions")


def test_stdin_among_files_in_parallel(many_files, capsys):
    import io

    paths = [str(many_files / "d0"), "-", str(many_files / "d2")]
    stdin = io.BytesIO(HANT.encode("big5"))
    inputs = load(Reading(paths=paths, jobs=2), Manners(quiet=True), stdin=stdin)
    order = [a.document.path for a in inputs.analyses]
    assert order.index("-") == 8 and len(order) == 17


def test_a_timeline_keeps_only_the_mentions_its_events_cite(many_files, capsys):
    inputs = load(Reading(paths=[str(many_files / "d0")]), Manners(quiet=True))
    everything = load(Reading(paths=[str(many_files / "d0")]), Manners(quiet=True), mentions="all")
    for analysis, whole in zip(inputs.analyses, everything.analyses, strict=True):
        ids = {m.id for m in analysis.mentions}
        cited = {e.mention for event in analysis.events for e in event.evidence}
        assert cited <= ids < {m.id for m in whole.mentions}
        assert analysis.events == whole.events
        assert analysis.document.text == ""
    bare = load(Reading(paths=[str(many_files / "d0")]), Manners(quiet=True), mentions="none")
    assert all(a.mentions == () and a.events for a in bare.analyses)


def test_unexpected_failures_on_one_input_do_not_lose_the_others(monkeypatch, tmp_path):
    import timeline_cli.pipeline as pipeline

    (tmp_path / "a.txt").write_text(HANS, "utf-8")
    (tmp_path / "b.txt").write_text(HANT, "utf-8")
    real = pipeline.analyse_part

    def flaky(doc, **kwargs):
        if "深井" in doc.text:
            raise RuntimeError("boom")
        return real(doc, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_part", flaky)
    inputs = load(Reading(paths=[str(tmp_path)]), Manners(quiet=True))
    assert [Path(a.document.path).name for a in inputs.analyses] == ["a.txt"]
    assert "internal error (RuntimeError: boom)" in inputs.errors[0].reason


@pytest.mark.parametrize("command", ["list", "mentions"])
def test_jobs_option_on_the_commands(many_files, command):
    outputs = []
    for jobs in ("1", "2"):
        result = run_cli(command, str(many_files), "--format", "json", "--jobs", jobs, "--quiet")
        assert result.returncode == 1, result.stderr.decode()
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]


def run_with_terminal_stderr(*args: str, fifo=None, data: bytes = b"", until: bytes = b"") -> tuple[bytes, bytes]:
    """stdout through a pipe, stderr to a pseudo-terminal (read as it comes, so it never fills).

    With `fifo` among the inputs, `data` is written into it only once stderr shows `until`:
    the tool is held in the middle of reading until then.
    """
    import pty
    import threading

    primary, secondary = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "120", "TERM": "xterm"}
    process = subprocess.Popen([sys.executable, "-m", "timeline_cli", *args], stdout=subprocess.PIPE,
                               stderr=secondary, cwd=ROOT, env=env)
    os.close(secondary)
    seen: list[bytes] = []
    shown = threading.Event()

    def drain():
        while True:
            try:
                data_read = os.read(primary, 65536)
            except OSError:  # the other end closed
                return
            if not data_read:
                return
            seen.append(data_read)
            if until and until in b"".join(seen):
                shown.set()

    reader = threading.Thread(target=drain)
    reader.start()
    if fifo is not None:
        assert shown.wait(timeout=120), b"".join(seen)  # hang guard only
        with open(fifo, "wb") as pipe:
            pipe.write(data)
    stdout = process.stdout.read()
    process.wait(timeout=120)
    reader.join(timeout=10)
    os.close(primary)
    return stdout, b"".join(seen)


def test_progress_goes_to_a_terminal_on_stderr_never_to_stdout(many_files, tmp_path):
    """A FIFO among the inputs holds the reading until the progress bar is seen on stderr."""
    fifo = tmp_path / "slow.txt"
    os.mkfifo(fifo)
    article = (many_files / "d0").glob("*.txt").__next__().read_bytes()
    stdout, stderr = run_with_terminal_stderr("list", str(many_files), str(fifo), "--format", "plain",
                                              fifo=fifo, data=article, until=b"reading")
    (tmp_path / "copy.txt").write_bytes(article)
    piped = run_cli("list", str(many_files), str(tmp_path / "copy.txt"), "--format", "plain")
    assert stdout == piped.stdout.replace(str(tmp_path / "copy.txt").encode(), str(fifo).encode())
    assert b"\x1b" not in stdout and b"reading" in stderr
    assert b"broken.txt" in stderr and b"Traceback" not in stderr
    _, quiet = run_with_terminal_stderr("list", str(many_files), "--format", "plain", "--quiet")
    assert b"reading" not in quiet and b"broken.txt" in quiet  # --quiet: errors only
