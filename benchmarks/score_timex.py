"""Score temporal-expression extractors on the dev set, side by side.

    python benchmarks/score_timex.py [--repeat N] [--json] [--only ours|jionlp]
                                     [--show-errors] [--data PATH]

Extractors: (a) timeline-cli, as `timeline mentions` reads an article whose sidecar gives
`published` = the item's ref_date (refdate.reference_for: a dateline one day before the page's
date, 斗湖26日讯 on a page of the 27th, is the story's day), then `timex.extract`; (b) JioNLP,
`jionlp.ner.extract_time(text, time_base=<ref date as unix time>, with_parsing=True)`,
an optional benchmark-only dependency (`pip install -e '.[bench]'`).

Scores, each as precision / recall / F1:
  span   a prediction matches a gold mention when the spans overlap; each gold
         mention and each prediction is matched at most once.
  value  a span match whose value is also right:
         DATE/TIME  the predicted interval equals the gold interval (dates, day
                    precision); for a fuzzy gold mention (it has a mod, or its words
                    are in the fuzzy table of docs/timex.md) the predicted interval
                    only needs to overlap the gold one and lie inside the gold year(s);
         DURATION   the same length (P2W == P14D, P18M == P1Y6M; JioNLP's
                    {'year': 1.5} is read as P18M), and the same upper bound for a range;
         SET        the type alone.
JioNLP's types are mapped time_point/time_span -> DATE, time_delta -> DURATION,
time_period -> SET; its offsets are [start, end) character offsets.

Throughput: in one process, each extractor is warmed up once on the whole dev set
(the scoring pass plus one untimed call on the joined text), then timed --repeat
times over the dev-set texts joined by newlines; the median is reported as
characters per second, with the ratio ours / JioNLP.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "benchmarks" / "data" / "devset.jsonl"
INSTALL_HINT = "JioNLP is not installed; scoring timeline-cli only (install it with: pip install -e '.[bench]')"
NAMES = {"ours": "timeline-cli", "jionlp": "JioNLP"}


# ---------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Mention:
    """A gold or predicted mention, reduced to what scoring looks at."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None = None
    mod: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    duration: str | None = None
    duration_max: str | None = None


@dataclass(frozen=True)
class Item:
    id: str
    script: str
    ref_date: date
    text: str
    gold: tuple[Mention, ...]


Extractor = Callable[[str, date], list[Mention]]


def parse_date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def load_devset(path: Path) -> list[Item]:
    """Items of a JSON Lines dev set, or of a folder of articles NAME.txt with NAME.timex.json."""
    if path.is_dir():
        return [load_article(gold) for gold in sorted(path.glob("*.timex.json"))]
    items = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                items.append(item_from_json(json.loads(line)))
    return items


def load_article(gold: Path) -> Item:
    d = json.loads(gold.read_text(encoding="utf-8"))
    d["text"] = gold.with_name(gold.name.removesuffix(".timex.json") + ".txt").read_text(encoding="utf-8")
    return item_from_json(d)


def item_from_json(d: dict) -> Item:
    gold, pos = [], 0
    for m in d["mentions"]:
        start = m.get("start")
        if start is None:  # no offsets given: the next occurrence of the text
            start = d["text"].index(m["text"], pos)
        end = m.get("end", start + len(m["text"]))
        pos = end
        gold.append(Mention(
            text=m["text"], start=start, end=end, type=m["type"], value=m.get("value"),
            mod=m.get("mod"), start_date=parse_date(m.get("start_date")),
            end_date=parse_date(m.get("end_date")), duration=m.get("duration"),
            duration_max=m.get("duration_max")))
    return Item(d["id"], d["script"], date.fromisoformat(d["ref_date"]), d["text"], tuple(gold))


# ---------------------------------------------------------------------------
# Extractors


@contextlib.contextmanager
def quiet():
    """Silence a library's prints and log records (JioNLP's banner and tracebacks)."""
    logging.disable(logging.CRITICAL)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            yield
    finally:
        logging.disable(logging.NOTSET)


def load_ours() -> Extractor:
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))
    from timeline_cli.script import detect_script, simplified_view
    from timeline_cli.timex.extract import extract as extract_timex
    from timeline_cli.timex.refdate import reference_for

    def extract(text: str, ref: date) -> list[Mention]:
        view = simplified_view(text)
        script = detect_script(text, view=view)
        reference = reference_for(text, view, script, option=None, published=ref)
        return [Mention(text=m.text, start=m.start, end=m.end, type=m.type, value=m.value,
                        mod=m.mod, start_date=m.start_date, end_date=m.end_date,
                        duration=m.duration, duration_max=m.duration_max)
                for m in extract_timex(text, reference, script=script, view=view)]

    return extract


def load_jionlp() -> Extractor | None:
    try:
        with quiet():
            import jionlp
    except ImportError:
        return None

    def extract(text: str, ref: date) -> list[Mention]:
        base = time.mktime(ref.timetuple())
        with quiet():
            found = jionlp.ner.extract_time(text, time_base=base, with_parsing=True)
        return [m for m in map(from_jionlp, found) if m is not None]

    return extract


JIONLP_TYPES = {"time_point": "DATE", "time_span": "DATE", "time_delta": "DURATION", "time_period": "SET"}


def from_jionlp(r: dict) -> Mention | None:
    kind = JIONLP_TYPES.get(r.get("type"))
    if kind is None:
        return None
    start, end = r["offset"]
    detail = (r.get("detail") or {}).get("time")
    m = Mention(text=r["text"], start=start, end=end, type=kind)
    if kind == "DATE" and isinstance(detail, list) and len(detail) == 2:
        lo, hi = jionlp_date(detail[0]), jionlp_date(detail[1])
        return replace(m, start_date=lo, end_date=hi, value=f"{lo or '..'}/{hi or '..'}")
    if kind == "DURATION" and detail:
        low, high = (detail[0], detail[1]) if isinstance(detail, list) else (detail, None)
        dur = delta_to_iso(low)
        dmax = delta_to_iso(high) if high else None
        return replace(m, value=dur, duration=dur, duration_max=dmax)
    return m


def jionlp_date(s: str) -> date | None:
    """'2025-04-01 00:00:00' -> date; '-inf', 'inf' or an impossible year -> None."""
    try:
        y, mo, d = (int(x) for x in s.split(" ")[0].split("-"))
        return date(y, mo, d)
    except (ValueError, AttributeError):
        return None


DELTA_SECONDS = {"hour": 3600, "minute": 60, "second": 1}


def delta_to_iso(delta: dict) -> str | None:
    """JioNLP's {'year': 1.5, 'day': 3} -> 'P1Y6M3D' (fractions carried to the next unit)."""
    months = delta.get("year", 0) * 12 + delta.get("month", 0)
    days = delta.get("day", 0) + 7 * delta.get("week", 0) + delta.get("workday", 0)
    seconds = sum(delta.get(k, 0) * f for k, f in DELTA_SECONDS.items())
    try:
        return iso_from_parts(float(months), float(days), float(seconds))
    except (TypeError, ValueError):
        return None


def num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def iso_from_parts(months: float, days: float, seconds: float) -> str:
    if not days.is_integer() and months.is_integer():
        seconds += (days % 1) * 86400
        days = float(int(days))
    out = "P"
    years, rest = divmod(months, 12) if months.is_integer() else (0, months)
    out += f"{num(years)}Y" if years else ""
    out += f"{num(rest)}M" if rest else ""
    out += f"{num(days)}D" if days else ""
    if seconds:
        h, s = divmod(seconds, 3600)
        mi, s = divmod(s, 60)
        out += "T" + (f"{num(h)}H" if h else "") + (f"{num(mi)}M" if mi else "") + (f"{num(s)}S" if s else "")
    return out if out != "P" else "PT0S"


# ---------------------------------------------------------------------------
# Comparing values

DURATION_TOKEN = re.compile(r"(\d+(?:\.\d+)?|X)(DE|CE|[YMWDHS])")
DATE_UNITS = {"Y": ("m", 12), "M": ("m", 1), "DE": ("m", 120), "CE": ("m", 1200), "W": ("d", 7), "D": ("d", 1)}
TIME_UNITS = {"H": 3600, "M": 60, "S": 1}


def duration_key(iso: str | None) -> tuple | str | None:
    """A comparable form of an ISO 8601 length: (months, days, seconds); 'PXY' stays a string."""
    if not iso or not iso.startswith("P"):
        return None
    if "X" in iso:
        return iso
    date_part, _, time_part = iso[1:].partition("T")
    months = days = seconds = 0.0
    for n, unit in DURATION_TOKEN.findall(date_part):
        kind, factor = DATE_UNITS.get(unit, ("?", 0))
        if kind == "m":
            months += float(n) * factor
        elif kind == "d":
            days += float(n) * factor
    for n, unit in DURATION_TOKEN.findall(time_part):
        seconds += float(n) * TIME_UNITS.get(unit, 0)
    return (round(months, 6), round(days, 6), round(seconds, 6))


# The fuzzy table of docs/timex.md, in Simplified; gold text is folded before lookup.
FUZZY_WORDS = (
    "年初", "开年", "岁初", "年中", "年底", "年末", "岁末", "年终", "上半年", "下半年",
    "季度", "首季", "前三季", "第一季", "第二季", "第三季", "第四季", "Q1", "Q2", "Q3", "Q4",
    "月初", "上旬", "月中", "中旬", "月底", "月末", "下旬", "春季", "春天", "夏季", "夏天",
    "秋季", "秋天", "冬季", "冬天", "周末", "世纪初", "世纪中", "世纪末", "年代初", "年代末",
    "近日", "日前", "近期", "最近", "不久前", "刚刚", "刚才", "目前", "现在", "当前", "如今",
    "此前", "之前", "今后", "将来", "未来",
)
TO_SIMPLIFIED = str.maketrans("開歲終週紀剛現當後將來", "开岁终周纪刚现当后将来")


def is_fuzzy(g: Mention) -> bool:
    folded = g.text.translate(TO_SIMPLIFIED)
    return g.mod is not None or any(w in folded for w in FUZZY_WORDS)


def intervals_overlap(a0, a1, b0, b1) -> bool:
    return (a0 is None or b1 is None or a0 <= b1) and (b0 is None or a1 is None or b0 <= a1)


def inside_gold_years(g: Mention, p: Mention) -> bool:
    if g.start_date is not None and (p.start_date is None or p.start_date < date(g.start_date.year, 1, 1)):
        return False
    if g.end_date is not None and (p.end_date is None or p.end_date > date(g.end_date.year, 12, 31)):
        return False
    return True


def value_ok(g: Mention, p: Mention) -> bool:
    if g.type in ("DATE", "TIME"):
        if p.type not in ("DATE", "TIME"):
            return False
        if g.start_date is None and g.end_date is None:  # year unknown: compare the values
            return g.value == p.value
        if (p.start_date, p.end_date) == (g.start_date, g.end_date):
            return True
        return (is_fuzzy(g) and intervals_overlap(g.start_date, g.end_date, p.start_date, p.end_date)
                and inside_gold_years(g, p))
    if g.type == "DURATION":
        if p.type != "DURATION" or duration_key(p.duration) != duration_key(g.duration):
            return False
        return g.duration_max is None or duration_key(p.duration_max) == duration_key(g.duration_max)
    return p.type == g.type  # SET: the type class only


# ---------------------------------------------------------------------------
# Matching and scoring


def overlap(a: Mention, b: Mention) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold, pred, ok=lambda g, p: True) -> dict[int, int]:
    """Pair gold and predicted mentions whose spans overlap and `ok` holds: {gold index: pred index}.
    Each prediction, in text order, takes the free gold mention it overlaps most."""
    pairs: dict[int, int] = {}
    for pi in sorted(range(len(pred)), key=lambda i: (pred[i].start, pred[i].end)):
        p = pred[pi]
        free = [gi for gi, g in enumerate(gold) if gi not in pairs and overlap(g, p) > 0 and ok(g, p)]
        if free:
            pairs[max(free, key=lambda gi: overlap(gold[gi], p))] = pi
    return pairs


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    span: int = 0
    value: int = 0

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.span += other.span
        self.value += other.value

    def prf(self, hits: int) -> dict:
        p = hits / self.pred if self.pred else 0.0
        r = hits / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class ItemResult:
    item: Item
    pred: list[Mention]
    span_pairs: dict[int, int]
    value_pairs: dict[int, int]
    failed: str | None = None


def score_item(item: Item, extract: Extractor) -> ItemResult:
    try:
        pred = extract(item.text, item.ref_date)
        failed = None
    except Exception as e:  # a crash on one sentence should not stop the benchmark
        pred, failed = [], f"{type(e).__name__}: {e}"
    gold = list(item.gold)
    return ItemResult(item, pred, match(gold, pred), match(gold, pred, value_ok), failed)


def tally(results: list[ItemResult], keep=lambda g: True) -> Tally:
    """Counts over the gold mentions for which `keep` holds (predictions count only when keep is the default)."""
    t = Tally()
    for r in results:
        for gi, g in enumerate(r.item.gold):
            if keep(g):
                t.gold += 1
                t.span += gi in r.span_pairs
                t.value += gi in r.value_pairs
    return t


def summarize(results: list[ItemResult]) -> dict:
    total = tally(results)
    total.pred = sum(len(r.pred) for r in results)
    by_type = {}
    for kind in ("DATE", "TIME", "DURATION", "SET"):
        t = tally(results, lambda g, k=kind: g.type == k)
        by_type[kind] = {"gold": t.gold, "value_recall": round(t.value / t.gold, 4) if t.gold else None}
    by_script = {}
    for script in sorted({r.item.script for r in results}):
        part = [r for r in results if r.item.script == script]
        t = tally(part)
        t.pred = sum(len(r.pred) for r in part)
        by_script[script] = t.prf(t.value)
    return {
        "gold": total.gold,
        "predicted": total.pred,
        "span": total.prf(total.span),
        "value": total.prf(total.value),
        "value_recall_by_type": by_type,
        "value_by_script": by_script,
        "failed_items": sum(r.failed is not None for r in results),
    }


def throughput(extract: Extractor, items: list[Item], repeat: int) -> dict:
    text = "\n".join(i.text for i in items)
    ref = Counter(i.ref_date for i in items).most_common(1)[0][0]
    result = {"chars": len(text), "repeat": repeat, "median_seconds": None, "chars_per_second": None}
    times = []
    try:
        extract(text, ref)  # warm-up on the whole dev set
        for _ in range(repeat):
            t0 = time.perf_counter()
            extract(text, ref)
            times.append(time.perf_counter() - t0)
    except Exception as e:
        result["error"] = f"{type(e).__name__}: {e}"
        return result
    median = statistics.median(times)
    result["median_seconds"] = round(median, 6)
    result["chars_per_second"] = round(len(text) / median, 1) if median else None
    return result


# ---------------------------------------------------------------------------
# Output


def fmt_value(m: Mention) -> str:
    parts = [m.type, m.value or "-"]
    if m.mod:
        parts.append(m.mod)
    if m.type in ("DATE", "TIME"):
        parts.append(f"[{m.start_date or '..'} – {m.end_date or '..'}]")
    if m.duration_max:
        parts.append(f"max {m.duration_max}")
    return " ".join(parts)


def error_lines(name: str, results: list[ItemResult]) -> list[str]:
    lines = [f"== errors: {NAMES[name]} =="]
    for r in results:
        gold, pred = r.item.gold, r.pred
        matched_pred = set(r.span_pairs.values())
        errs = []
        if r.failed:
            errs.append(f"  CRASH  {r.failed}")
        for gi, g in enumerate(gold):
            if gi not in r.span_pairs:
                errs.append(f"  MISSED {g.text!r}  gold {fmt_value(g)}")
            elif gi not in r.value_pairs:
                p = pred[r.span_pairs[gi]]
                errs.append(f"  WRONG  {g.text!r}  gold {fmt_value(g)}\n"
                            f"         {p.text!r}  got  {fmt_value(p)}")
        for pi, p in enumerate(pred):
            if pi not in matched_pred:
                errs.append(f"  EXTRA  {p.text!r}  got  {fmt_value(p)}")
        if errs:
            lines.append(f"{r.item.id} [{r.item.script} ref {r.item.ref_date}] {r.item.text}")
            lines.extend(errs)
    return lines


def table(report: dict) -> str:
    names = list(report["extractors"])
    res = report["extractors"]
    rows: list[tuple[str, ...]] = [("", *(NAMES[n] for n in names))]

    def row(label, get, fmt="{:.3f}"):
        cells = []
        for n in names:
            v = get(res[n])
            cells.append("-" if v is None else fmt.format(v))
        rows.append((label, *cells))

    for level in ("span", "value"):
        for k in ("precision", "recall", "f1"):
            row(f"{level} {k}", lambda r, level=level, k=k: r[level][k])
    for kind in ("DATE", "TIME", "DURATION", "SET"):
        row(f"value recall {kind} (n={res[names[0]]['value_recall_by_type'][kind]['gold']})",
            lambda r, kind=kind: r["value_recall_by_type"][kind]["value_recall"])
    for script in res[names[0]]["value_by_script"]:
        row(f"value f1 {script}", lambda r, s=script: r["value_by_script"][s]["f1"])
    row("mentions predicted", lambda r: r["predicted"], "{}")
    row("sentences that failed", lambda r: r["failed_items"], "{}")
    row("throughput (chars/s)", lambda r: r["throughput"]["chars_per_second"], "{:,.0f}")
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = [f"dev set: {report['items']} sentences, {report['gold_mentions']} gold mentions ({report['data']})"]
    for i, r in enumerate(rows):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
        out.append("  ".join(cells))
        if i == 0:
            out.append("  ".join("-" * w for w in widths))
    if report.get("throughput_ratio") is not None:
        out.append(f"throughput ratio timeline-cli / JioNLP: {report['throughput_ratio']:.2f}x "
                   f"(median of {report['repeat']} runs over {res[names[0]]['throughput']['chars']:,} chars)")
    return "\n".join(out)


# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score timeline-cli (and JioNLP) on the temporal dev set.")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs for throughput (default 5)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--only", choices=["ours", "jionlp"], help="score one extractor only")
    ap.add_argument("--show-errors", action="store_true", help="print every miss, extra and wrong value")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help="dev set: JSON Lines, or a folder of NAME.txt with NAME.timex.json "
                         "(tests/articles/real: real news for tuning)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    items = load_devset(args.data)
    extractors: dict[str, Extractor] = {}
    if args.only in (None, "ours"):
        try:
            extractors["ours"] = load_ours()
        except ImportError as e:
            print(f"cannot import timeline_cli.api ({e}); install the project with: pip install -e .",
                  file=sys.stderr)
            return 1
    if args.only in (None, "jionlp"):
        jio = load_jionlp()
        if jio is not None:
            extractors["jionlp"] = jio
        elif args.only == "jionlp":
            print("JioNLP is not installed (install it with: pip install -e '.[bench]')", file=sys.stderr)
            return 1
        else:
            print(INSTALL_HINT, file=sys.stderr)

    report: dict = {"data": str(args.data), "items": len(items),
                    "gold_mentions": sum(len(i.gold) for i in items),
                    "repeat": args.repeat, "extractors": {}}
    all_results = {}
    for name, extract in extractors.items():
        results = [score_item(item, extract) for item in items]
        all_results[name] = results
        summary = summarize(results)
        summary["throughput"] = throughput(extract, items, args.repeat)
        report["extractors"][name] = summary
    if {"ours", "jionlp"} <= report["extractors"].keys():
        a = report["extractors"]["ours"]["throughput"]["chars_per_second"]
        b = report["extractors"]["jionlp"]["throughput"]["chars_per_second"]
        report["throughput_ratio"] = round(a / b, 3) if a and b else None

    if args.show_errors:
        for name, results in all_results.items():
            print("\n".join(error_lines(name, results)), file=sys.stderr if args.json else sys.stdout)
            print(file=sys.stderr if args.json else sys.stdout)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
