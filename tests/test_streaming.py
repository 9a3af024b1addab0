"""timeline mentions writes json, jsonl and plain part by part as it reads: the same bytes
as the whole document at once, whatever the parts, the workers or the errors."""

import io
import json
from datetime import date

import pytest

from conftest import ROOT, SEED, run_cli, validate
from timeline_cli.documents import InputError
from timeline_cli.pipeline import Settings, joined, read_in_parts
from timeline_cli.render.jsonout import MentionsJsonWriter, dumps, mentions_payload

ARTICLES = [SEED, ROOT / "tests" / "articles" / "hk_tunnel_hant.txt", ROOT / "tests" / "articles" / "phone_maker_hans.txt"]


def _written(files, errors, settings) -> tuple[str, list]:
    out = io.StringIO()
    writer = MentionsJsonWriter(out)
    analyses = []
    for number, path in enumerate(files):
        parts = [outcome.analysis for outcome in read_in_parts(path, settings)]
        for part in parts:
            writer.part(number, part)
        analyses.append(joined(parts))
    writer.close(errors)
    return out.getvalue(), analyses


@pytest.mark.parametrize("chunk", [300, 1000, 350_000])
@pytest.mark.parametrize("errors", [[], [InputError("missing.txt", "no such file or directory")]])
def test_json_written_in_parts_is_the_whole_document(chunk, errors, tmp_path):
    dateless = tmp_path / "dateless.txt"
    dateless.write_text("這篇文章沒有任何日期。\n只有一些文字。\n", encoding="utf-8")
    settings = Settings(date(2025, 11, 20), False, chunk_chars=chunk, context_chars=min(chunk // 3, 2000))
    text, analyses = _written([*ARTICLES, dateless], errors, settings)
    assert text == dumps(mentions_payload(analyses, errors))
    payload = json.loads(text)
    validate(payload, "mentions")
    assert payload["documents"][-1]["mentions"] == []


def test_no_document_at_all():
    out = io.StringIO()
    MentionsJsonWriter(out).close([InputError("a.txt", "empty file")])
    assert out.getvalue() == dumps(mentions_payload([], [InputError("a.txt", "empty file")]))


@pytest.mark.parametrize("fmt", ["json", "jsonl", "plain"])
def test_the_cli_streams_the_same_whatever_the_workers(fmt, tmp_path):
    paths = [str(p) for p in ARTICLES] + [str(tmp_path / "missing.txt")]
    one = run_cli("mentions", *paths, "--format", fmt, "--jobs", "1")
    two = run_cli("mentions", *paths, "--format", fmt, "--jobs", "2")
    assert one.returncode == two.returncode == 1, (one.stderr, two.stderr)  # the missing file
    assert one.stdout == two.stdout and one.stdout, (one.stderr, two.stderr)
    assert one.stderr.decode().count("missing.txt") == 1
    if fmt == "json":
        validate(json.loads(one.stdout), "mentions")


def test_output_file_is_written_whole(tmp_path):
    target = tmp_path / "m.jsonl"
    done = run_cli("mentions", str(SEED), "--format", "jsonl", "--output", str(target))
    assert done.returncode == 0 and done.stdout == b""
    assert target.read_bytes() == run_cli("mentions", str(SEED), "--format", "jsonl").stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.jsonl"]  # no temporary file left


def test_an_empty_file_is_a_note_not_an_error_nor_a_document(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n  \n", encoding="utf-8")
    done = run_cli("mentions", str(empty), str(SEED), "--format", "json")
    payload = json.loads(done.stdout)
    assert done.returncode == 0 and len(payload["documents"]) == 1
    assert payload["documents"][0]["path"].endswith(SEED.name) and "errors" not in payload
    assert done.stderr.decode() == f"timeline: {empty}: empty; nothing to read\n"


@pytest.mark.parametrize("command", [["list"], ["mentions"], ["schema"]])
def test_output_dash_is_stdout(command, tmp_path):
    done = run_cli(*command, "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == run_cli(*command, cwd=tmp_path).stdout != b""
    assert list(tmp_path.iterdir()) == []  # no file named -


# --- the parts of one big input in worker processes -------------------------------------------

def _one_file_of_articles(tmp_path, copies: int = 1):
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "tests" / "articles").glob("*.txt"))]
    path = tmp_path / "all.txt"
    path.write_text("\n\n".join(texts * copies), "utf-8")
    return path


def test_parts_in_workers_give_the_same_analysis(tmp_path):
    from timeline_cli.pipeline import PartWorkers, analyse_input

    path = _one_file_of_articles(tmp_path)
    settings = Settings(date(2025, 11, 20), True, mentions="all", chunk_chars=1000, context_chars=300)
    here = analyse_input(path, settings)
    workers = PartWorkers(2)
    try:
        there = analyse_input(path, settings, workers=workers)
        assert workers._pool is not None  # the parts did go to the workers
    finally:
        workers.close()
    assert here.error is None and there.error is None
    assert there.analysis.mentions == here.analysis.mentions and len(here.analysis.mentions) > 100
    assert there.analysis.events == here.analysis.events and here.analysis.events
    assert there.key == here.key


def test_a_text_of_one_part_starts_no_workers(tmp_path):
    from timeline_cli.pipeline import PartWorkers, analyse_input

    workers = PartWorkers(2)
    outcome = analyse_input(SEED, Settings(date(2025, 11, 20), True), workers=workers)
    assert outcome.analysis.events and workers._pool is None


@pytest.fixture(scope="module")
def three_parts(tmp_path_factory):
    """One file of three parts (at most 350,000 characters each), dated all through."""
    path = tmp_path_factory.mktemp("big") / "big.txt"
    lines = [f"第{i}則：{2000 + i % 25}年{i % 12 + 1}月{i % 28 + 1}日，公司在台北發布第{i}款新品。\n"
             for i in range(30_000)]
    path.write_text("".join(lines), "utf-8")
    return path


@pytest.mark.parametrize("command", ["mentions", "list"])
def test_one_big_file_reads_the_same_with_workers(three_parts, command):
    runs = [run_cli(command, str(three_parts), "--format", "jsonl", "--ref-date", "2025-12-15", "--jobs", jobs,
                    timeout=240) for jobs in ("1", "2")]
    assert runs[0].returncode == runs[1].returncode == 0, (runs[0].stderr, runs[1].stderr)
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout.count(b"\n") > 100


def test_a_bad_byte_late_in_a_big_file_with_workers(three_parts, tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(three_parts.read_bytes() + b"\n\xff\xfe\x00 broken\n")
    runs = [run_cli("mentions", str(broken), "--format", "jsonl", "--ref-date", "2025-12-15", "--jobs", jobs,
                    timeout=240) for jobs in ("1", "2")]
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout  # the parts before the bad bytes
    assert runs[0].stderr == runs[1].stderr and b"Traceback" not in runs[1].stderr


def test_a_part_that_fails_in_a_worker_is_an_error_of_that_input(tmp_path, monkeypatch):
    import timeline_cli.pipeline as pipeline

    path = _one_file_of_articles(tmp_path)
    real = pipeline.analyse_part

    def failing(doc, **kwargs):
        if "探測器" in doc.text:  # a word of the last article only, in a later part
            raise RuntimeError("boom")
        return real(doc, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_part", failing)  # before the workers are forked
    settings = Settings(date(2025, 11, 20), True, chunk_chars=1000, context_chars=300)
    outcomes = {}
    for jobs in (1, 2):
        workers = pipeline.PartWorkers(jobs) if jobs > 1 else None
        try:
            outcomes[jobs] = list(pipeline.read_in_parts(path, settings, workers=workers))
        finally:
            if workers:
                workers.close()
    one, two = outcomes[1], outcomes[2]
    assert "internal error (RuntimeError: boom)" in one[-1].error.reason
    assert [o.error for o in two] == [o.error for o in one]
    assert [o.analysis for o in two] == [o.analysis for o in one]
    assert len(one) > 3 and one[0].analysis.mentions  # the parts read before the failing one


def test_workers_on_one_big_file_into_head_end_quietly(three_parts):
    import subprocess
    import sys

    command = (f"set -o pipefail; '{sys.executable}' -m timeline_cli mentions '{three_parts}' -r 2025-11-20 "
               f"--jobs 2 | head -1")
    done = subprocess.run(command, shell=True, capture_output=True, cwd=ROOT, timeout=240, executable="/bin/bash")
    assert done.returncode in (0, 141), done.stderr.decode()
    assert done.stderr == b"" and len(done.stdout.splitlines()) == 1
