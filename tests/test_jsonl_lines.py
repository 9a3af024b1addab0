"""The JSON Lines writer formats each mention itself: byte for byte what json.dumps of the
mention's dict gives, for every kind of mention and awkward text."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from timeline_cli.api import extract_mentions
from timeline_cli.render.jsonout import mention_dict, mention_json

CORPUS = Path(__file__).parent / "corpus"
SEED = Path(__file__).parent.parent / "seeds" / "000_baa26c5ea6ec9896.txt"


def corpus_mentions():
    texts = [SEED.read_text(encoding="utf-8")]
    for path in sorted(CORPUS.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                texts.append(line.split("\t")[0])
    return extract_mentions("\n".join(texts), date(2025, 11, 20))


def test_each_mention_is_what_json_dumps_gives():
    mentions = corpus_mentions()
    assert any(m.time.datetime for m in mentions) and any(m.time.qualifier for m in mentions)
    assert any(m.time.duration_max for m in mentions) and any(m.anchor not in (None, "ref_date") for m in mentions)
    for path in ("a.txt", 'dir/"quoted"\\名字\t.txt'):
        head = '"path": ' + json.dumps(path, ensure_ascii=False) + ", "
        for m in mentions:
            expected = json.dumps({"path": path, **mention_dict(m)}, ensure_ascii=False)
            assert mention_json(m, head) == expected


def test_awkward_text_is_escaped_as_json_dumps_escapes_it():
    m = corpus_mentions()[0]
    for text in ('引"号"', "back\\slash", "tab\tnew\nline\u2028", "\x00\x1f", "\ud800", "😀"):
        odd = replace(m, text=text, rule=text, anchor=text, time=replace(m.time, qualifier=text, mod=text))
        assert mention_json(odd) == json.dumps(mention_dict(odd), ensure_ascii=False)
