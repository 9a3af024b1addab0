"""Entity files (--entities FILE and $XDG_CONFIG_HOME/timeline-cli/entities.toml) are checked:
the first problem is reported with its key path (exit 2), never a traceback, and a blank
name or alias never attaches its entity to every event."""

import json

import pytest

from conftest import run_cli

ARTICLE = "艾克米今年4月发布了新产品。晶辰今年5月宣布裁员。"

# (file body, words the message must hold): one row per fault named in issue 10.
BAD_FILES = [
    ('[[entity]]\nname = "艾克米"\naliases = [""]\n', ["entity[0].aliases[0]", "blank"]),
    ('[[entity]]\nname = "艾克米"\naliases = ["ACME", "   "]\n', ["entity[0].aliases[1]", "blank"]),
    ('[[entity]]\nname = ""\n', ["entity[0].name", "blank"]),
    ('[[entity]]\nname = "   "\n', ["entity[0].name", "blank"]),
    ('[[entity]]\nname = 5\n', ["entity[0].name", "must be a string", "number"]),
    ('[[entity]]\nname = "艾克米"\n[[entity]]\nname = "乙"\nentity = 5\n', ["entity[1].entity", "not a key"]),
    ('[[entity]]\nname = {first = "艾克米"}\n', ["entity[0].name", "table"]),
    ('[[entity]]\nname = "艾克米"\naliases = [{a = 1}]\n', ["entity[0].aliases[0]", "table"]),
    ('[[entity]]\nname = "艾克米"\naliases = "ACME"\n', ["entity[0].aliases", "array"]),
    ('[[entity]]\nname = "艾克米"\nid = 7\n', ["entity[0].id", "number"]),
    ('[[entity]]\nname = "艾克米"\nkind = "company"\n', ["entity[0].kind", "person"]),
    ('entity = 5\n', ["entity must be an array of tables"]),
    ('entity = ["艾克米"]\n', ["entity[0]", "must be a table"]),
    ('[[entity]]\naliases = ["ACME"]\n', ["entity[0]", "needs a name"]),
    ('[[entity]]\nname = "x"\naliases = ' + "[" * 3000 + "]" * 3000 + "\n", ["nested too deeply"]),
    ('[[entity]]\nname = "x"\naliases = [[["a"]]]\n', ["entity[0].aliases[0]", "array"]),
]


@pytest.mark.parametrize("body,words", BAD_FILES)
def test_a_bad_entities_file_names_its_first_problem(tmp_path, body, words):
    entities = tmp_path / "entities.toml"
    entities.write_text(body, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("list", str(article), "-r", "2025-11-20", "--entities", str(entities))
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err and result.stdout == b""
    for word in words:
        assert word in err, err


def test_a_bad_config_file_is_reported_the_same_way(tmp_path):
    config = tmp_path / "timeline-cli"
    config.mkdir()
    (config / "entities.toml").write_text('[[entity]]\nname = "艾克米"\naliases = [""]\n', encoding="utf-8")
    result = run_cli("list", "-f", "plain", env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert result.returncode == 2
    assert "entity[0].aliases[0]" in result.stderr.decode()


def test_a_utf8_bom_is_accepted(tmp_path):
    entities = tmp_path / "entities.toml"
    entities.write_bytes(b"\xef\xbb\xbf" + '[[entity]]\nid = "acme"\nname = "艾克米"\naliases = ["ACME"]\n'.encode())
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("list", str(article), "-r", "2025-11-20", "-f", "json", "--entities", str(entities))
    assert result.returncode == 0, result.stderr.decode()
    events = json.loads(result.stdout)["events"]
    with_acme = [e for e in events if any(a["id"] == "acme" for a in e["actors"])]
    assert len(with_acme) == 1 and "新产品" in with_acme[0]["title"]


def test_padded_names_are_stripped_and_match_only_themselves(tmp_path):
    entities = tmp_path / "entities.toml"
    entities.write_text('[[entity]]\nid = "acme"\nname = " 艾克米 "\naliases = [" ACME "]\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    events = json.loads(run_cli("list", str(article), "-r", "2025-11-20", "-f", "json",
                                "--entities", str(entities)).stdout)["events"]
    assert [e for e in events if any(a["id"] == "acme" for a in e["actors"])] == events[:1]
