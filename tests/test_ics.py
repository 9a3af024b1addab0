"""--format ics read back with the icalendar package: where each kind of date lands in a calendar."""

import re
from datetime import date, datetime, timedelta

import pytest

from conftest import run_cli
from timeline_cli.model import Event, EventDate, Evidence
from timeline_cli.render.formats import RenderContext
from timeline_cli.render.ics import events_ics


def event(value: str, granularity: str, start: date, end: date, mod: str | None = None, eid: str = "e-1") -> Event:
    return Event(id=eid, title="发布会", type="other", status="occurred",
                 date=EventDate(value, mod, granularity, start, end, "stated"),
                 evidence=(Evidence("a.txt", 0, 5, "发布会举行。", None),))


def vevents(*events: Event) -> list:
    import icalendar

    text = events_ics(list(events), RenderContext(analyses=[], errors=[]))
    return icalendar.Calendar.from_ical(text.encode("utf-8")).walk("VEVENT")


def only(*events: Event):
    found = vevents(*events)
    assert len(found) == 1
    return found[0]


def days_long(vevent) -> int:
    """How many days an all-day entry covers, by DTEND or DURATION (one day when neither is given)."""
    start = vevent["DTSTART"].dt
    if "DTEND" in vevent:
        return (vevent["DTEND"].dt - start).days
    return vevent["DURATION"].dt.days if "DURATION" in vevent else 1


def test_a_time_of_day_is_kept_as_floating_local_time():
    vevent = only(event("2025-11-20T10:00", "hour", date(2025, 11, 20), date(2025, 11, 20)))
    start = vevent["DTSTART"].dt
    assert start == datetime(2025, 11, 20, 10, 0) and start.tzinfo is None  # floating: no zone, no TZID
    assert "TZID" not in vevent["DTSTART"].params
    assert "DTEND" not in vevent and "DURATION" not in vevent  # a moment, not an hour-long block
    assert "10:00" in str(vevent["DESCRIPTION"])


def test_minutes_are_kept_and_a_bad_clock_falls_back_to_the_day():
    assert only(event("2025-11-20T15:30", "minute", date(2025, 11, 20), date(2025, 11, 20)))["DTSTART"].dt \
        == datetime(2025, 11, 20, 15, 30)
    fallback = only(event("2025-11-20T25:00", "hour", date(2025, 11, 20), date(2025, 11, 20)))
    assert fallback["DTSTART"].dt == date(2025, 11, 20) and days_long(fallback) == 1


def test_a_part_of_the_day_is_an_all_day_entry_on_that_day():
    vevent = only(event("2025-11-20TNI", "daypart", date(2025, 11, 20), date(2025, 11, 20)))
    assert vevent["DTSTART"].dt == date(2025, 11, 20) and days_long(vevent) == 1


@pytest.mark.parametrize("value, granularity, mod, start, end, precision", [
    ("2025-04", "month", None, date(2025, 4, 1), date(2025, 4, 30), "month"),
    ("2025", "year", None, date(2025, 1, 1), date(2025, 12, 31), "year"),
    ("2024", "year", "END", date(2024, 11, 1), date(2024, 12, 31), "year"),
    ("2025-Q3", "quarter", None, date(2025, 7, 1), date(2025, 9, 30), "quarter"),
    ("2025-06", "month", "AFTER", date(2025, 6, 1), date(2025, 7, 31), "month"),
])
def test_a_coarse_date_is_one_all_day_entry_on_its_first_day(value, granularity, mod, start, end, precision):
    vevent = only(event(value, granularity, start, end, mod))
    assert vevent["DTSTART"].dt == start and vevent["DTSTART"].params.get("VALUE") == "DATE"
    assert days_long(vevent) == 1
    description = str(vevent["DESCRIPTION"])
    assert f"Precision: {precision}" in description
    assert start.isoformat() in description and end.isoformat() in description


def test_a_range_of_years_is_one_entry_on_its_first_day():
    vevent = only(event("2013/2018", "year", date(2013, 1, 1), date(2018, 12, 31)))
    assert vevent["DTSTART"].dt == date(2013, 1, 1) and days_long(vevent) == 1
    assert "2018-12-31" in str(vevent["DESCRIPTION"]) and "range" in str(vevent["DESCRIPTION"])


def test_a_range_of_days_covers_its_days():
    vevent = only(event("2025-11-19/2025-11-21", "day", date(2025, 11, 19), date(2025, 11, 21)))
    assert vevent["DTSTART"].dt == date(2025, 11, 19) and days_long(vevent) == 3


def test_a_day_with_an_approximate_window_is_on_the_day_it_names():
    vevent = only(event("2025-11-20", "day", date(2025, 11, 19), date(2025, 11, 20), "APPROX"))
    assert vevent["DTSTART"].dt == date(2025, 11, 20) and days_long(vevent) == 1


@pytest.mark.parametrize("day", [date(1, 1, 1), date(9999, 12, 31)])
def test_days_at_the_ends_of_the_calendar_are_written_and_read_back(day):
    vevent = only(event(day.isoformat(), "day", day, day))
    assert vevent["DTSTART"].dt == day and days_long(vevent) == 1
    at_end = only(event(f"{day.isoformat()}T23:59", "minute", day, day))
    assert at_end["DTSTART"].dt == datetime(day.year, day.month, day.day, 23, 59)
    whole = only(event("0001/9999", "year", date(1, 1, 1), date(9999, 12, 31)))
    assert whole["DTSTART"].dt == date(1, 1, 1)


def test_an_event_without_a_start_is_left_out():
    assert vevents(event("XXXX-04", "month", None, None)) == []


# --- through the CLI, on the seed and on an article with times ---------------------------------------

ARTICLE = ("国务院新闻办公室今天上午10时举行新闻发布会。"
           "当地时间11月19日晚间8时，法国总统发表全国电视讲话。"
           "凌晨，云南昭通发生4.9级地震。今年4月，公司发布新产品。去年年底，公司宣布裁员。\n")


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    path = tmp_path_factory.mktemp("ics") / "times.txt"
    path.write_text(ARTICLE, "utf-8")
    return [str(path), "--ref-date", "2025-11-20"]


def cli(*args: str) -> bytes:
    result = run_cli("list", *args)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


@pytest.mark.parametrize("which", ["seed", "article"])
def test_every_dated_event_is_one_vevent_placed_by_the_rules(article, which):
    import json

    import icalendar

    args = [] if which == "seed" else article
    events = [e for e in json.loads(cli(*args, "--format", "json"))["events"] if e["date"]["start_date"]]
    data = cli(*args, "--format", "ics")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never splits a character
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    found = calendar.walk("VEVENT")
    assert [str(v["UID"]) for v in found] == [e["id"] + "@timeline-cli" for e in events]
    for vevent, e in zip(found, events, strict=True):
        d = e["date"]
        start = vevent["DTSTART"].dt
        if re.search(r"T\d\d:\d\d$", d["value"]):
            assert start == datetime.fromisoformat(d["value"]) and start.tzinfo is None
        elif d["granularity"] in ("day", "daypart") and "/" not in d["value"]:
            assert start == date.fromisoformat(d["value"][:10]) and days_long(vevent) == 1
        elif "/" in d["value"] and d["granularity"] == "day":
            assert start == date.fromisoformat(d["start_date"])
            assert start + timedelta(days=days_long(vevent) - 1) == date.fromisoformat(d["end_date"])
        else:
            assert start == date.fromisoformat(d["start_date"]) and days_long(vevent) == 1
            assert f"Precision: {d['granularity']}" in str(vevent["DESCRIPTION"])
        assert str(vevent["SUMMARY"]) == e["title"]
        description = str(vevent["DESCRIPTION"])
        assert e["status"] in description and all(ev["sentence"] in description for ev in e["evidence"])
        assert all(a["name"] in description for a in e["actors"])
        assert [str(c) for c in vevent["CATEGORIES"].cats] == [e["type"]]
        assert vevent["DTSTAMP"].dt is not None
    if which == "article":
        clocks = sorted(v["DTSTART"].dt for v in found if isinstance(v["DTSTART"].dt, datetime))
        assert clocks == [datetime(2025, 11, 19, 20, 0), datetime(2025, 11, 20, 10, 0)]
