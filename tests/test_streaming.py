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
