"""A list page stamps its items with lines that are only a date (26-09-2025): a bare day in the
lines below takes the month of the stamp above it, not of a date another item names (docs/timex.md,
"Bare months and days")."""

from datetime import date

from timeline_cli.script import detect_script, simplified_view
from timeline_cli.timex.extract import extract
from timeline_cli.timex.refdate import reference_for


def values(text: str, ref: str) -> dict[str, str]:
    view = simplified_view(text)
    script = detect_script(text, view=view)
    reference = reference_for(text, view, script, option=None, published=date.fromisoformat(ref))
    return {m.text: m.value for m in extract(text, reference, script=script, view=view)}


LIST_PAGE = ("30-09-2025\n接駁街渠 10月8日起地堡街臨時交管\n26-09-2025\n國慶假期關前後街設臨時行人專用區\n"
             "配合國慶歡樂跑活動 金蓮花廣場及周邊29日起實施臨時交通安排\n加思欄行車天橋28日凌晨實施封閉交通\n")


def test_a_bare_day_takes_the_month_of_the_stamp_above():
    found = values(LIST_PAGE, "2025-10-02")
    assert found["29日起"] == "2025-09-29"
    assert found["28日凌晨"] == "2025-09-28TNI"


def test_one_page_stamp_does_not_date_the_story():
    found = values("2024-12-20 06:31\n\n3月5日，会议召开。\n6日，代表离京。", "2025-10-02")
    assert found["6日"] == "2025-03-06"


def test_a_date_in_the_same_sentence_still_wins():
    found = values("26-09-2025\n通告一\n30-09-2025\n10月8日及9日封路\n", "2025-10-02")
    assert found["9日"] == "2025-10-09"
