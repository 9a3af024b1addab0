"""Words that point back into the story: 当时 (that date again), 此时 (that date, or now when
the story has none yet), 届时 (the date ahead the story has named), 次日, 当天, 前一天, 这一天 (a day
counted from the previous dated day).
随后, 此后 are adverbs, not dates: `story-after` finds them as cues for the events stage
(an event told after 随后 happened after the date before it), never as mentions."""

from __future__ import annotations

from ..lazyre import lazy_compile
from .fragments import first_chars
from .lexicon import alternation, lexicon
from .pieces import Point, SamePeriod, StoryAfter, StoryDay, StorySame
from .recognise import Rule, found


def build_story_after(m, ctx):
    return found(m, StoryAfter())


def build_same_period(m, ctx):
    if m.group("spy"):
        return found(m, SamePeriod(year=int(m.group("spy"))))  # 2023年同期
    return found(m, SamePeriod(2 if m.group(0).startswith("前") else 1))


def build_story_day(m, ctx):
    word = m.group(0)
    if word[0] in "前后" and m.start() > 0 and m.string[m.start() - 1] in "最提":
        return None  # 最后一天 (the last day), 提前一天 (a day early)
    evening = lexicon()["story_evening"]
    if word in evening:  # 当晚, 是夜: that day, at night
        return found(m, StoryDay(0, Point(daypart=evening[word]), or_ref=True))
    days = lexicon()["story_day"][word]
    return found(m, StoryDay(days, or_ref=days == 0 or word in lexicon()["story_day_or_ref"]["words"]))


def build_story_same(m, ctx):
    """当时, 那时: the previous date again; 此时, 此刻: that, or the reference date when the story
    has no date yet."""
    word = m.group(0)
    return found(m, StorySame(or_now=word in lexicon()["story_or_now"]["words"],
                              ahead=word in lexicon()["story_ahead"]["words"]))


def _rules() -> tuple[Rule, ...]:
    lex = lexicon()
    return (
        Rule("story-after", lazy_compile(alternation(lex["story_after"]["words"])), build_story_after, 1, needs="后",
             first=first_chars(lex["story_after"]["words"]),
             examples=("随后", "此后")),
        Rule("same-period", lazy_compile(r"(?:去年|上年|上一年|前年|(?P<spy>(?:19|20)\d{2})\s?年)同期"), build_same_period, 2,
             needs="期", first="去上前12", words=("同期",), examples=("去年同期", "上年同期", "2023年同期")),
        Rule("story-day", lazy_compile(alternation([*lex["story_day"], *lex["story_evening"]])), build_story_day, 1,
             examples=("次日", "当天", "当晚")),
        Rule("story-same", lazy_compile(alternation([*lex["story_same"]["words"], *lex["story_or_now"]["words"],
                                                   *lex["story_ahead"]["words"]])),
             build_story_same, 1, first=first_chars([*lex["story_same"]["words"], *lex["story_or_now"]["words"],
                                                    *lex["story_ahead"]["words"]]), examples=("当时", "那时", "此时")),
    )


RULES = _rules()
