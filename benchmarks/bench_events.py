#!/usr/bin/env python3
"""Event-layer scaling: merging one year's events, and event building on dense dates.

    python benchmarks/bench_events.py            # the full figure (about a minute)
    python benchmarks/bench_events.py --quick    # smaller sizes

merge   events per year 5,500 / 11,000 / 22,000 / 55,000 (synthetic: titles from a
        vocabulary of words, actors from a pool, days, months and a few whole-year dates,
        about one event in five restated by a second document) → seconds to merge.
        Target: 10x the events costs at most ~12x the time.
dense   `2025年，` and `2025年至2026年至` repeated in one sentence (issue 10: one search
        per year to the sentence end made it quadratic) → seconds to build events at
        1x and 4x the size. Target: 4x the text at most ~5x the time.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_cli.events.identity import document_key, single_id  # noqa: E402
from timeline_cli.events.merge import merge_across  # noqa: E402
from timeline_cli.model import Actor, Event, EventDate, Evidence  # noqa: E402

COMMON = ("宣布", "收购", "发布", "新款", "投资", "裁员", "合作", "协议", "签署", "比赛", "通过", "开幕", "增长",
          "下降", "调查", "起诉", "判决", "上市")  # words many titles share
CHARS = "台风警报选举投票法案展览博物馆地铁通车隧道预算财报营收股价退市法院医院疫苗学校开学航班机场铁路公路电力油价央行利率汇率芯片工厂手机"


def _words(rng: random.Random, count: int) -> list[str]:
    """A vocabulary of two-character words: a few very common ones, many rare ones."""
    return list(COMMON) + ["".join(rng.sample(CHARS, 2)) for _ in range(count)]
KINDS = ("release", "acquire", "invest", "sign", "win", "vote", "pass", "open", "legal", "other")


def synthetic_year(count: int, seed: int = 11) -> list[Event]:
    rng = random.Random(seed)
    actors = [Actor(f"org-{i}", f"机构{i}") for i in range(max(50, count // 20))]
    events = []
    docs = [document_key(f"doc {i}") for i in range(max(1, count // 10))]
    words = _words(rng, 3000)
    for n in range(count):
        kind = rng.random()
        if kind < 0.7:
            day = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
            when = EventDate(day.isoformat(), None, "day", day, day, "stated")
        elif kind < 0.95:
            month = rng.randrange(1, 13)
            end = (date(2025, month + 1, 1) if month < 12 else date(2026, 1, 1)) - timedelta(days=1)
            when = EventDate(f"2025-{month:02d}", None, "month", date(2025, month, 1), end, "stated")
        else:
            when = EventDate("2025", None, "year", date(2025, 1, 1), date(2025, 12, 31), "stated")
        title = rng.choice(COMMON) + "".join(rng.sample(words, 3))
        who = tuple(rng.sample(actors, rng.randrange(0, 3)))
        doc = docs[n % len(docs)]
        event = _event(doc, n, title, when, who, rng.choice(KINDS))
        events.append(event)
        if rng.random() < 0.2:  # told again by another document
            events.append(_event(docs[(n + 1) % len(docs)], n, title, when, who, event.type))
    return events


def _event(doc: str, n: int, title: str, when: EventDate, actors, kind: str) -> Event:
    evidence = Evidence(f"{doc[:8]}.txt", n * 10, n * 10 + 9, title + "。", "m1", n * 10, n * 10 + 4, when, doc)
    return Event(single_id(doc, "clause", n * 10, n * 10 + 9), title, kind, "occurred", when, actors, (evidence,))


def timed(run, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def bench_merge(sizes: list[int]) -> None:
    print("merge: events in one year -> seconds (best of 3)")
    first = None
    for size in sizes:
        events = synthetic_year(size)
        seconds = timed(lambda events=events: merge_across(events))
        merged = len(merge_across(events))
        first = first or (size, seconds)
        ratio = (seconds / first[1]) / (size / first[0])
        print(f"  {size:>7,} events ({len(events):>7,} with restatements) -> {merged:>7,} merged "
              f"in {seconds:7.3f} s   time per event vs the first: {ratio:4.2f}x")


def bench_dense(unit_count: int) -> None:
    from timeline_cli.documents import RawDocument
    from timeline_cli.pipeline import analyse

    print("dense: one sentence of dates -> seconds to analyse (mentions and events)")
    for unit in ("2025年，", "2025年至2026年至"):
        small, large = unit * unit_count, unit * unit_count * 4
        t_small = timed(lambda t=small: analyse(RawDocument("a.txt", t, "utf-8"), date(2025, 1, 1)), 1)
        t_large = timed(lambda t=large: analyse(RawDocument("a.txt", t, "utf-8"), date(2025, 1, 1)), 1)
        print(f"  {unit!r} x{unit_count:,}: {t_small:6.2f} s; x{unit_count * 4:,}: {t_large:6.2f} s "
              f"({t_large / t_small:4.1f}x for 4x the text)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller sizes")
    args = ap.parse_args()
    bench_merge([1100, 2200, 5500] if args.quick else [5500, 11000, 22000, 55000])
    bench_dense(5000 if args.quick else 20000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
