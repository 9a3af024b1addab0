"""Families of misses found on the unseen real articles of tests/fresh7, one case per bug.

The sentences are made up in the shape of what was missed, never copied from the articles.
"""

from datetime import date

from timeline_cli.documents import RawDocument
from timeline_cli.pipeline import analyse


def events_of(text: str, ref: str = "2025-02-12"):
    return list(analyse(RawDocument("a.txt", text, "utf-8"), date.fromisoformat(ref)).events)


def test_a_speech_told_only_as_said_so_is_titled_by_its_setting():
    (event,) = events_of("王主席昨晚在商会新春晚宴上致词时，这么指出。")
    assert event.date.value.startswith("2025-02-11")
    assert "致词" in event.title and "这么指出" not in event.title, event.title


def test_a_holiday_naming_a_celebration_stays_in_the_title():
    (event,) = events_of("市长昨晚出席元宵庆典并致词。")
    assert "元宵庆典" in event.title, event.title


def test_the_coming_of_a_year_is_a_backdrop_not_an_event():
    events = events_of("州长指出，随着2026年将至，州政府将继续推动财政改革。", "2026-01-02")
    assert [e.date.value for e in events if e.date.value.startswith("2026")] == [], [(e.date.value, e.title) for e in events]
