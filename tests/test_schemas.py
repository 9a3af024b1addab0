"""timeline schema: a schema for every JSON the tool prints, and real output validated against each."""

import json
import re

import jsonschema
import pytest

from conftest import run_cli
from timeline_cli import schemas

NAMES = ("events", "events-line", "mentions", "actors", "show", "explain")


def printed(name: str) -> dict:
    """The schema as `timeline schema NAME` prints it, checked to be a valid draft 2020-12 schema."""
    result = run_cli("schema", name)
    assert result.returncode == 0, result.stderr.decode()
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return schema


def validate(payload, name: str) -> None:
    jsonschema.Draft202012Validator(printed(name)).validate(payload)


def output(*args: str):
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def test_every_schema_is_printed_and_all_together_by_name():
    every = json.loads(output("schema"))
    assert tuple(every) == NAMES
    for name in NAMES:
        assert every[name] == printed(name)
        assert re.search(rf"/{name}/v\d+$", every[name]["$id"])
    listed = json.loads(output("list", "--format", "json"))["schema"]
    assert every["events"]["properties"]["schema"]["const"] == listed  # the version list prints
    version = listed.rsplit("/", 1)[1]
    assert every["events-line"]["$id"].endswith(version) and every["show"]["$id"].endswith(version)


def test_an_unknown_schema_name_is_a_usage_error():
    result = run_cli("schema", "nonsense")
    assert result.returncode == 2 and b"events-line" in result.stderr


# --- real output of each command validates --------------------------------------------------------


@pytest.mark.parametrize("args", [(), ("tests/articles/",)])
def test_each_jsonl_line_is_an_event(args):
    lines = output("list", *args, "--format", "jsonl").splitlines()
    assert len(lines) > 5
    for line in lines:
        validate(json.loads(line), "events-line")


def test_an_event_line_must_be_an_event():
    line = json.loads(output("list", "--format", "jsonl").splitlines()[0])
    validator = jsonschema.Draft202012Validator(printed("events-line"))
    assert validator.is_valid(line)
    assert not validator.is_valid({**line, "status": "rumoured"})
    assert not validator.is_valid({"schema": "timeline-cli/events/v1", "events": [line]})  # the envelope is not a line
    del line["evidence"]
    assert not validator.is_valid(line)


@pytest.mark.parametrize("args", [(), ("tests/articles/",), ("--since", "2030-01-01", "--until", "2030-12-31")])
def test_actors_json_validates(args):
    payload = json.loads(output("actors", *args, "--format", "json"))
    assert payload["actors"]
    validate(payload, "actors")
    validator = jsonschema.Draft202012Validator(printed("actors"))
    assert not validator.is_valid({"actors": [{**payload["actors"][0], "events": 0}]})
    assert not validator.is_valid({"actors": [{**payload["actors"][0], "first": "2025"}]})


def test_actors_of_nothing_validate():
    validate(json.loads(output("actors", "--since", "2999-01-01", "--format", "json")), "actors")


def test_show_json_of_every_seed_event_validates():
    events = json.loads(output("list", "--format", "json"))["events"]
    validator = jsonschema.Draft202012Validator(printed("show"))
    for event in events:
        payload = json.loads(output("show", event["id"], "--format", "json"))
        validator.validate(payload)
    assert not validator.is_valid({**payload, "reasoning": {"rule": 1, "anchor": None}})
    assert not validator.is_valid({key: value for key, value in payload.items() if key != "mentions"})


@pytest.mark.parametrize("text, ref", [("今年4月份", "2025-11-20"), ("他於2013年加入Meta，效力12年", "2025-11-20"),
                                       ("當地時間11月19日晚間8時", "2025-11-20"), ("沒有日期的句子", None),
                                       ("上週三", None)])
def test_explain_json_validates(text, ref):
    payload = json.loads(output("explain", text, *(["--ref-date", ref] if ref else []), "--format", "json"))
    validate(payload, "explain")


# --- derived from the events schema, so that a new version carries over -----------------------------


def test_the_line_and_show_schemas_follow_a_new_version_of_the_events_schema():
    events = schemas.schema("events")
    later = json.loads(re.sub(r"/events/v\d+", "/events/v99", json.dumps(events)))
    later["$defs"]["event"]["properties"]["status"]["enum"].append("rumoured")
    line, show = schemas.events_line(later), schemas.show(later)
    assert line["$id"].endswith("/events-line/v99") and show["$id"].endswith("/show/v99")
    event = json.loads(output("list", "--format", "jsonl").splitlines()[0])
    assert jsonschema.Draft202012Validator(line).is_valid({**event, "status": "rumoured"})
    assert not jsonschema.Draft202012Validator(printed("events-line")).is_valid({**event, "status": "rumoured"})
    shown = json.loads(output("show", event["id"], "--format", "json"))
    assert jsonschema.Draft202012Validator(show).is_valid({**shown, "status": "rumoured"})


def test_the_newest_version_of_a_schema_file_is_the_one_used():
    files = ["events.v1.json", "events.v10.json", "events.v2.json", "mentions.v1.json", "notes.txt", "__init__.py"]
    assert schemas.newest(files) == {"events": "events.v10.json", "mentions": "mentions.v1.json"}


def test_printed_schemas_refer_to_nothing_outside_themselves():
    for name in NAMES:
        text = output("schema", name)
        refs = schemas.external_refs(json.loads(text))
        ids = {json.loads(text)["$id"]} | {d.get("$id") for d in json.loads(text).get("$defs", {}).values()}
        assert refs <= ids, name
