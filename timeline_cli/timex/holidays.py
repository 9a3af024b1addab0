"""Holidays by name (data/timex/holidays.toml): 春节, 中秋, 清明, 元旦, 国庆, 母亲节, 复活节,
赎罪日, 开斋节, the 24 solar terms, 暑假; and their periods (春节假期, 清明连假, 五一黄金周)."""

from __future__ import annotations

from ..lazyre import lazy_compile
from .fragments import first_chars, not_followed_by, starts
from .holiday_table import anchor_chars, anchor_words, entries, holiday_for, period_suffixes
from .lexicon import alternation, lexicon
from .pieces import LEVEL, FixedHoliday, HolidayPeriod, Point
from .recognise import Anchoring, Rule, found

# A holiday names a day; it starts at the month level so that 10月 + 国庆 stays two pieces.
HOLIDAY_LEVELS = (LEVEL["month"], LEVEL["day"])
# Words that stand for a holiday only before a period word: 十一假期 (National Day), 儿童清明连假.
_PERIOD_ALIASES = {"十一": "国庆", "儿童清明": "清明"}


_CLAUSE = lazy_compile(r"[，,。；;！!？?\n]")
_TERM_REACH = 12  # 节气 this near (in the same clause) a solar term that is also a common word makes it the term


def _context_ok(view: str, start: int, end: int) -> bool:
    """A name that is also a common word (大雪, 雨水) is a date with a year or 节气/当天 beside it
    (a quote mark between does not count: 节气「大寒」, 「大寒」前后), or 节气 a few characters away
    (「大寒」是24节气的最终章)."""
    words = lexicon()["solar_term_context"]
    if start and view[start - 1] in _OPEN_QUOTES and view[end:end + 1] in _CLOSE_QUOTES:
        start, end = start - 1, end + 1
    before = view[max(0, start - 3):start]
    after = view[end:end + 2]
    if any(before.endswith(w) for w in words["before"]) or any(after.startswith(w) for w in words["after"]):
        return True
    before_clause = _CLAUSE.split(view[max(0, start - _TERM_REACH):start])[-1]
    after_clause = _CLAUSE.split(view[end:end + _TERM_REACH])[0]
    return "节气" in before_clause or "节气" in after_clause


_OPEN_QUOTES = frozenset("「『“\"‘'")
_CLOSE_QUOTES = frozenset("」』”\"’'")


def _given_name(view: str, start: int, end: int) -> bool:
    """国庆 is a common given name: after a surname (江国庆, 李国庆) and before no word of a holiday's
    own (节, 假期, 当天, 前后 …), it is a person."""
    names = lexicon()["given_name_holidays"]
    name = view[start:end]
    if name not in names["names"] or start == 0 or view[start - 1] not in names["surnames"]:
        return False
    return not any(view.startswith(w, end) for w in names["holiday_after"])


def build_holiday(m, ctx):
    """A holiday by name (春节, 赎罪日); with a period word after it, the days off (春节假期, 十一黄金周,
    “五一”假期: a closing quote may stand between)."""
    alias = m.group("palias")
    if alias is None and m.group("hname") is None:  # 十一 before 期间/国庆: National Day
        return found(m, Point(holiday=FixedHoliday("国庆", 10, 1)), HOLIDAY_LEVELS)
    name = _PERIOD_ALIASES[alias] if alias else m.group("hname")
    entry = entries()[name]
    if m.group("psuf") or alias:
        if entry.period is not None:
            period = HolidayPeriod(m.group(0), entry.period, ctx.region, holiday_for(name, ctx.region))
            return found(m, Point(holiday=period), HOLIDAY_LEVELS)
        if alias:
            return None
    elif _given_name(m.string, m.start("hname"), m.end("hname")):
        return None
    elif entry.context and not _context_ok(m.string, m.start(), m.end()):
        return None
    elif entry.figure_in_quotes and m.string[m.start() - 1:m.start()] in _OPEN_QUOTES \
            and m.string[m.end("hname"):m.end("hname") + 1] in _CLOSE_QUOTES:
        return None
    return found(m, Point(holiday=holiday_for(name, ctx.region)), HOLIDAY_LEVELS, end=m.end("hname"))


_FIRST_DAYS_AHEAD = r"(?=前(?:[一二两三四五六七八九十]{1,3}|\d{1,2})个?[天日])"
_BACK = 600  # how far back a bare 假期 looks for the holiday it means


def build_bare_period(m, ctx):
    """假期前4天 after a text on 国庆假期: the days off the text spoke of last (their first days are read
    by the first-days refiner); nothing when it named none."""
    view, start = m.string, m.start()
    before = view[max(0, start - _BACK):start]
    best, best_at = None, -1
    for name, entry in entries().items():
        if entry.period is None or entry.context:
            continue
        at = before.rfind(name)
        if at > best_at:
            best, best_at = name, at
    if best is None:
        return None
    entry = entries()[best]
    period = HolidayPeriod(best + m.group(0), entry.period, ctx.region, holiday_for(best, ctx.region))
    return found(m, Point(holiday=period), HOLIDAY_LEVELS)


def _rules() -> tuple[Rule, ...]:
    names = list(entries())
    suffixes = alternation(period_suffixes())
    # Windows around the anchors: as far back as an anchor can sit in a name (and 农历 before it),
    # as far ahead as a name can run past it (and a period word or an exclusion word after it).
    anchors, words = anchor_chars(), anchor_words()
    all_names = [*names, *_PERIOD_ALIASES]
    reach = [min([i for i, ch in enumerate(name) if ch in anchors] + [name.find(w) for w in words if w in name])
             for name in all_names]
    before = max(reach) + 2
    after = max(len(name) - i for name, i in zip(all_names, reach, strict=True)) + 4
    return (
        Rule("holiday", lazy_compile(starts(first_chars([*names, *_PERIOD_ALIASES]) + "农阴",
            r"(?:农历|阴历)?(?P<hname>" + alternation(names) + ")"
            r"(?:[”」』]?(?P<psuf>" + suffixes + ")|" + not_followed_by("holiday_after") + ")"
            r"|(?P<palias>" + alternation(_PERIOD_ALIASES) + ")(?=" + suffixes + ")(?:" + suffixes + ")"
            r"|十一(?=期间|国庆)")), build_holiday, 2,
            anchoring=Anchoring(anchors, before, after, words, names=(*all_names, "十一")),
            examples=("春节", "除夕", "春節連假")),
        Rule("holiday-days", lazy_compile("(?:假期|长假|黄金周)" + _FIRST_DAYS_AHEAD), build_bare_period, 2,
             needs="假周", first="假长黄", examples=("假期前4天", "长假前3天")),
    )


RULES = _rules()
