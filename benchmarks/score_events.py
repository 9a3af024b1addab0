#!/usr/bin/env python3
"""Score `timeline list` against the hand-written chronologies in tests/articles/.

Each article `NAME.txt` has a sidecar `NAME.meta.toml` (its publication date) and
`NAME.expected.toml`, the events a careful reader would put in the chronology:

    [[event]]
    date = "2025-04"            # TimeML value at the precision the text gives
    mod = "END"                 # optional; when given the prediction must carry the same mod
    status = "occurred"         # occurred | planned | predicted | reported | negated
    type = "release"            # join | leave | … | other (reported, not used for matching)
    terms = ["Llama 4", "延期"]  # one of them must be in the event title or an actor name
    actors = ["Meta"]
    sentence = "…"              # an exact substring of the article
    restated = ["…"]            # optional: other places the same event is told (headline, lead)
    id = "…"                    # optional: pairs the event with its twin in `same_story`

and optionally, at the top, `same_story = "OTHER.txt"`: the same events told in another
article, so that running both together should give one merged timeline.

A predicted event (the "timeline-cli/events/v1" JSON contract) matches an expected one when
  * the date is right at the expected precision: the predicted value starts with the expected
    one (2025-04-07 for 2025-04), or the predicted start_date…end_date lies inside the expected
    value's interval; and when the expected event gives a mod, the predicted mod is the same;
  * one expected term appears in the title or an actor name (both compared in Simplified
    characters, via OpenCC t2s, case- and width-folded);
  * one evidence sentence overlaps the expected sentence (by offsets in the same file, or by
    text: one contains the other, or they share 10 characters in a row).
  * its title keeps the rubric of docs/events.md (`title_problems`): at least 3 characters, not
    cut inside a Latin word or a number, not opening with a conjunction or preposition nor
    ending on a word that wants its object, no stray or unpaired punctuation, a predicate.
    Events that fail only this are counted and listed ("title rubric").
Each expected and each predicted event is matched at most once (a maximum matching).
Precision is matched / predicted, recall matched / expected.

Usage:
    python benchmarks/score_events.py                      # every article in tests/articles
    python benchmarks/score_events.py A.txt B.txt --show-errors
    python benchmarks/score_events.py --merged A.txt B.txt # one run over both, checks merging
    python benchmarks/score_events.py --check              # validate the expected files only
    python benchmarks/score_events.py A.txt --predictions out.json   # score a saved output

The tool is found as --timeline CMD, else `timeline` on PATH, else the `timeline` beside this
Python, else `python -m timeline_cli`. Exit status: 0 when every run worked (whatever the
scores), 1 when some article could not be scored or --check found a problem, 2 on usage errors
(including no timeline-cli to run).
"""

from __future__ import annotations

import argparse
import calendar
import difflib
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIR = REPO / "tests" / "articles"
SCHEMA = "timeline-cli/events/v2"

sys.path.insert(0, str(REPO))  # the vocabularies below are the tool's own (timeline_cli/vocab.py)
from timeline_cli.events.triggers import event_types  # noqa: E402
from timeline_cli.vocab import STATUSES  # noqa: E402

TYPES = set(event_types())
MODS = {
    "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_AFTER", "ON_OR_BEFORE",
    "MORE_THAN", "LESS_THAN",
}
MIN_SHARED = 10  # characters in a row two evidence sentences must share to overlap
ARTICLE_CHARS = (800, 2000)


class UsageError(Exception):
    """Bad arguments, or nothing to run: exit 2."""


class ToolError(Exception):
    """timeline-cli ran but gave no usable answer for an input."""


# --------------------------------------------------------------------------- text


class Folder:
    """Folds text for comparison: NFKC (full-width → ASCII), OpenCC t2s, casefold, no spaces."""

    _DOTS = str.maketrans("", "", "·‧・•")

    def __init__(self) -> None:
        try:
            import opencc
        except ImportError as exc:
            raise UsageError(
                "OpenCC is not installed (the `opencc` package).\n"
                "hint: run this script with the project's Python (.venv/bin/python) or "
                "`pip install opencc`."
            ) from exc
        try:
            self._cc = opencc.OpenCC("t2s")
        except Exception:  # some builds want the config file name
            self._cc = opencc.OpenCC("t2s.json")
        self._cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        out = self._cache.get(text)
        if out is None:
            out = unicodedata.normalize("NFKC", text)
            out = self._cc.convert(out).casefold().translate(self._DOTS)
            out = "".join(out.split())
            self._cache[text] = out
        return out


def text_overlap(a: str, b: str, fold: Folder) -> bool:
    """Two sentences overlap when one contains the other or they share MIN_SHARED characters."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa in fb or fb in fa:
        return True
    m = difflib.SequenceMatcher(None, fa, fb, autojunk=False)
    return m.find_longest_match(0, len(fa), 0, len(fb)).size >= MIN_SHARED


# --------------------------------------------------------------------------- TimeML values

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def value_interval(value: str, mod: str | None = None) -> tuple[date, date] | None:
    """The inclusive interval a TimeML DATE/TIME value covers (with START/MID/END applied).

    None for values without a calendar position (XXXX-04, PRESENT_REF, durations).
    """
    if not value:
        return None
    if "/" in value:
        left, right = value.split("/", 1)
        a, b = value_interval(left), value_interval(right)
        if a is None or b is None or b[1] < a[0]:
            return None
        return a[0], b[1]
    v = value.split("T", 1)[0]
    try:
        if m := re.fullmatch(r"(\d{4})", v):
            y = int(m[1])
            iv, gran = (date(y, 1, 1), date(y, 12, 31)), "year"
        elif m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            iv, gran = (date(y, mo, 1), _month_end(y, mo)), "month"
        elif m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            iv, gran = (d, d), "day"
        elif m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            iv, gran = (date(y, 3 * q - 2, 1), _month_end(y, 3 * q)), "quarter"
        elif m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            iv, gran = (date(y, 6 * h - 5, 1), _month_end(y, 6 * h)), "half"
        elif m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y = int(m[1])
            if m[2] == "WI":
                iv = (date(y, 12, 1), _month_end(y + 1, 2))
            else:
                first, last = _SEASONS[m[2]]
                iv = (date(y, first, 1), _month_end(y, last))
            gran = "season"
        elif m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-(WE|[1-7]))?", v):
            y, w = int(m[1]), int(m[2])
            if m[3] == "WE":
                iv = (date.fromisocalendar(y, w, 6), date.fromisocalendar(y, w, 7))
            elif m[3]:
                d = date.fromisocalendar(y, w, int(m[3]))
                iv = (d, d)
            else:
                iv = (date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7))
            gran = "week"
        elif m := re.fullmatch(r"(\d{3})", v):
            y = int(m[1]) * 10
            iv, gran = (date(y, 1, 1), date(y + 9, 12, 31)), "decade"
        elif m := re.fullmatch(r"(\d{2})", v):
            y = int(m[1]) * 100
            iv, gran = (date(max(y, 1), 1, 1), date(y + 99, 12, 31)), "century"
        else:
            return None
    except ValueError:  # 2025-02-30, week 54, …
        return None
    return _apply_mod(iv, gran, mod)


def _apply_mod(iv: tuple[date, date], gran: str, mod: str | None) -> tuple[date, date]:
    """START/MID/END narrow a year, month, decade or century (docs/timex.md, fuzzy parts)."""
    if mod not in ("START", "MID", "END"):
        return iv
    start, end = iv
    y = start.year
    if gran == "year":
        return {"START": (date(y, 1, 1), date(y, 3, 31)),
                "MID": (date(y, 6, 1), date(y, 8, 31)),
                "END": (date(y, 11, 1), date(y, 12, 31))}[mod]
    if gran == "month":
        mo = start.month
        return {"START": (date(y, mo, 1), date(y, mo, 10)),
                "MID": (date(y, mo, 11), date(y, mo, 20)),
                "END": (date(y, mo, 21), end)}[mod]
    if gran == "decade":
        return {"START": (date(y, 1, 1), date(y + 3, 12, 31)),
                "MID": (date(y + 4, 1, 1), date(y + 6, 12, 31)),
                "END": (date(y + 7, 1, 1), date(y + 9, 12, 31))}[mod]
    if gran == "century":
        c = (y // 100) * 100
        return {"START": (date(max(c, 1), 1, 1), date(c + 9, 12, 31)),
                "MID": (date(c + 40, 1, 1), date(c + 59, 12, 31)),
                "END": (date(c + 90, 1, 1), date(c + 99, 12, 31))}[mod]
    return iv


def _iso(s: object) -> date | None:
    if not isinstance(s, str):
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def predicted_interval(pdate: dict) -> tuple[date, date] | None:
    start, end = _iso(pdate.get("start_date")), _iso(pdate.get("end_date"))
    if start and end and start <= end:
        return start, end
    return value_interval(str(pdate.get("value") or ""), pdate.get("mod"))


def date_matches(exp_value: str, exp_mod: str | None, pdate: dict) -> bool:
    """Is the predicted date right at the expected precision (and with the expected mod)?"""
    if exp_mod and (pdate.get("mod") or None) != exp_mod:
        return False
    pv = str(pdate.get("value") or "")
    if pv == exp_value:
        return True
    if pv.startswith(exp_value) and "/" not in pv and "/" not in exp_value:
        rest = pv[len(exp_value):]
        decade_or_century = re.fullmatch(r"\d{2,3}", exp_value) is not None
        if rest[:1] in ("-", "T") or (decade_or_century and rest[:1].isdigit()):
            return True
    want = value_interval(exp_value, exp_mod)
    got = predicted_interval(pdate)
    return bool(want and got and want[0] <= got[0] and got[1] <= want[1])


# --------------------------------------------------------------------------- expected data


@dataclass
class Expected:
    index: int
    date: str
    mod: str | None
    status: str
    type: str
    terms: list[str]
    actors: list[str]
    sentence: str
    restated: list[str]
    id: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [self.sentence, *self.restated]

    def label(self) -> str:
        mod = f" {self.mod}" if self.mod else ""
        return f"{self.date}{mod} [{self.status}/{self.type}] {'/'.join(self.terms)}"


@dataclass
class Article:
    path: Path
    text: str
    meta: dict
    events: list[Expected]
    same_story: str | None
    problems: list[str]  # found while loading (--check reports them)
    warnings: list[str]

    @property
    def name(self) -> str:
        return self.path.stem


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    spans, i = [], text.find(needle)
    while needle and i >= 0:
        spans.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return spans


def load_article(path: Path) -> Article:
    """Read NAME.txt, NAME.meta.toml and NAME.expected.toml; collect what is wrong with them."""
    problems: list[str] = []
    warnings: list[str] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc
    stem = path.with_suffix("")
    meta_path = stem.with_name(stem.name + ".meta.toml")
    exp_path = stem.with_name(stem.name + ".expected.toml")
    meta: dict = {}
    if meta_path.exists():
        try:
            meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            problems.append(f"{meta_path.name}: not valid TOML ({exc})")
    else:
        warnings.append(f"no {meta_path.name}: relative dates depend on what the tool infers")
    if meta:
        for key in ("title", "published", "language", "script"):
            if key not in meta:
                problems.append(f"{meta_path.name}: missing `{key}`")
        if "published" in meta and not isinstance(meta["published"], date):
            problems.append(f"{meta_path.name}: `published` must be a bare TOML date (2025-11-20)")
        if meta.get("script") not in (None, "hant", "hans", "mixed"):
            problems.append(f"{meta_path.name}: `script` must be hant, hans or mixed")
    if not exp_path.exists():
        raise UsageError(f"no expected events for {path}: {exp_path.name} is missing")
    try:
        data = tomllib.loads(exp_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{exp_path}: not valid TOML ({exc})") from exc

    events: list[Expected] = []
    for i, raw in enumerate(data.get("event", []), 1):
        where = f"{exp_path.name} event {i}"
        ev = Expected(
            index=i,
            date=str(raw.get("date", "")),
            mod=raw.get("mod"),
            status=str(raw.get("status", "")),
            type=str(raw.get("type", "")),
            terms=[str(t) for t in raw.get("terms", [])],
            actors=[str(a) for a in raw.get("actors", [])],
            sentence=str(raw.get("sentence", "")),
            restated=[str(s) for s in raw.get("restated", [])],
            id=raw.get("id"),
        )
        if value_interval(ev.date) is None:
            problems.append(f"{where}: date {ev.date!r} is not a calendar TimeML value")
        if ev.mod is not None and ev.mod not in MODS:
            problems.append(f"{where}: unknown mod {ev.mod!r}")
        if ev.status not in STATUSES:
            problems.append(f"{where}: unknown status {ev.status!r}")
        if ev.type not in TYPES:
            problems.append(f"{where}: unknown type {ev.type!r}")
        if not ev.terms:
            problems.append(f"{where}: no terms")
        elif not any(t in text for t in ev.terms + ev.actors):
            warnings.append(f"{where}: none of its terms or actors occurs in the article")
        unknown = set(raw) - {"date", "mod", "status", "type", "terms", "actors", "sentence",
                              "restated", "id"}
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        for s in ev.texts:
            spans = _occurrences(text, s)
            if not s:
                problems.append(f"{where}: empty sentence")
            elif not spans:
                problems.append(f"{where}: sentence is not a substring of the article: {s!r}")
            elif len(spans) > 1:
                warnings.append(f"{where}: sentence occurs {len(spans)} times: {s!r}")
            ev.spans.extend(spans)
        events.append(ev)
    if not events:
        problems.append(f"{exp_path.name}: no [[event]] entries")
    ids = [e.id for e in events if e.id is not None]
    if len(ids) != len(set(ids)):
        problems.append(f"{exp_path.name}: duplicate ids")
    n = len(text)
    if not ARTICLE_CHARS[0] <= n <= ARTICLE_CHARS[1]:
        warnings.append(f"{path.name}: {n} characters, outside {ARTICLE_CHARS[0]}–{ARTICLE_CHARS[1]}")
    same = data.get("same_story")
    return Article(path, text, meta, events, str(same) if same else None, problems, warnings)


def collect_articles(args: list[str]) -> list[Path]:
    """Articles from files and folders (a folder gives every NAME.txt with NAME.expected.toml)."""
    paths: list[Path] = []
    for a in args or [str(DEFAULT_DIR)]:
        p = Path(a)
        if p.is_dir():
            found = sorted(t for t in p.glob("*.txt")
                           if t.with_name(t.stem + ".expected.toml").exists())
            if not found:
                raise UsageError(f"no articles with .expected.toml in {p}")
            paths.extend(found)
        elif p.name.endswith(".expected.toml"):
            paths.append(p.with_name(p.name.removesuffix(".expected.toml") + ".txt"))
        elif p.exists():
            paths.append(p)
        else:
            raise UsageError(f"no such article: {a}")
    seen: set[Path] = set()
    return [p for p in paths if not (p.resolve() in seen or seen.add(p.resolve()))]



# --------------------------------------------------------------------------- the title rubric

# docs/events.md, "What a sensible title is": a matched event whose title breaks a rule of the
# rubric is not counted as matched. Each rule is checked on the title alone or against the
# evidence sentence it came from (for words cut at either end).
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_OPENERS, _CLOSERS = "（(【「『《“[", "）)】」』》”]"
_LEADING_FUNCTION = re.compile(r"^(?:和|与|及|或|而|并|但|向|把|给|跟|于|至|到|将|的|了|呢|对(?!于)|被(?!告|[^，,]{1,8}的))")
_TRAILING_FUNCTION = re.compile(r"(?:在|於|于|至|到|為|为|是|自|從|从|向|對|对|給|给|把|被|將|将|和|與|与|及|或|的|之|以|由)$")
_STRAY = re.compile(r"^[、，,；;：:。）)】」』》”]|[（(【「『《“、，,；;：:]$|[（(][\s、，,；;：:]*[）)]")
# Common predicates of news sentences, Simplified (titles are compared in Simplified).
_PREDICATES = re.compile(
    "是|有|为|成|在|到|位于|发|宣|表示|称|说|指|举行|进行|召开|通过|签|任|辞|离|加入|成立|推出|上线|开|关|停|"
    "升|降|增|减|涨|跌|达|获|赢|胜|败|输|击|夺|判|罚|捕|拘|诉|审|查|死|伤|亡|撞|坠|发生|出现|遭|受|被|"
    "批准|决定|计划|将|拟|预计|预测|完成|结束|开始|启动|恢复|复|改|延|推迟|取消|公布|发布|披露|确认|否认|"
    "回应|会见|访问|抵达|前往|出席|参加|主持|举办|展出|迎来|挂|打|赛|战|投|选|当选|提名|收购|合并|融资|上市|"
    "退|回|来|去|走|见|看|用|买|卖|建|修|造|放|送|接|拿|给|让|使|要|会|能|可|应|需|登|落|入|出|上|下|"
    "逝|生|病|感染|确诊|警|报|讯|示|提|议|论|谈|求|呼吁|批评|支持|反对|抗议|罢|控|告|领|带|推|拉|追|"
    "爆|炸|烧|淹|塌|震|刮|吹|雨|雪|降温|升温|预警|信号|启用|开通|通车|开幕|闭幕|开业|营业|休|闭|"
    "动|通|批|乘|搭|飞|行|办|做|作|设|制|产|播|映|唱|演|跑|游|考|学|教|讲|问|答|救|助|保|护|占|据|超|过|"
    "破|创|立|定|订|收|付|赔|借|贷|欠|缴|交|转|换|移|迁|搬|住|留|守|攻|防|补|缺|亏|盈|赚|涨|升|扩|缩")


def title_problems(pred: dict, fold: Folder) -> list[str]:
    """Why a predicted title breaks the rubric (empty when it does not)."""
    title = str(pred.get("title") or "").strip()
    core = title.rstrip("…").strip()
    if len(core) < 3:
        return ["empty or shorter than 3 characters"]
    problems = []
    sentence = _pred_sentence(pred)
    if sentence and "…" not in title:
        at = sentence.find(core)
        if at >= 0:
            before = sentence[at - 1:at] if at else ""
            after = sentence[at + len(core):at + len(core) + 1]
            if _LATIN_OR_DIGIT.match(core[:1]) and before and _LATIN_OR_DIGIT.match(before):
                problems.append("starts inside a word or number")
            after2 = sentence[at + len(core):at + len(core) + 2]
            if _LATIN_OR_DIGIT.match(core[-1:]) and after and (
                    _LATIN_OR_DIGIT.match(after) or re.fullmatch(r"[：:.．,，/／]\d", after2)):
                problems.append("ends inside a word or number")  # Gemin for Gemini, 3 for 3：1
    if title.endswith("…") and _LATIN_OR_DIGIT.match(core[-1:]) and sentence:
        at = sentence.find(core)
        if at >= 0 and _LATIN_OR_DIGIT.match(sentence[at + len(core):at + len(core) + 1] or " "):
            problems.append("cut inside a word or number")
    simple = fold(core)
    if _LEADING_FUNCTION.match(simple):
        problems.append("starts with a conjunction or preposition")
    if _TRAILING_FUNCTION.search(simple):
        problems.append("ends on a word that wants its object")
    if _STRAY.search(core) or sum(core.count(c) for c in _OPENERS) != sum(core.count(c) for c in _CLOSERS):
        problems.append("stray or unpaired punctuation")
    if not _PREDICATES.search(simple):
        problems.append("no predicate")
    return problems


# --------------------------------------------------------------------------- running the tool


def find_timeline(cmd: str | None) -> list[str]:
    if cmd:
        return shlex.split(cmd)
    exe = shutil.which("timeline")
    if exe:
        return [exe]
    beside = Path(sys.executable).parent / "timeline"
    if beside.exists():
        return [str(beside)]
    if importlib.util.find_spec("timeline_cli") is not None:
        return [sys.executable, "-m", "timeline_cli"]
    raise UsageError(
        "cannot find timeline-cli: no `timeline` on PATH and no importable timeline_cli package.\n"
        "hint: run `make run` (or `pip install -e .`) first, or pass --timeline 'CMD' or "
        "--predictions FILE."
    )


def run_timeline(cmd: list[str], paths: list[Path], timeout: float) -> list[dict]:
    argv = [*cmd, "list", *map(str, paths), "--format", "json"]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", NO_COLOR="1")
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=timeout, env=env, check=False)
    except FileNotFoundError as exc:
        raise UsageError(f"cannot run {cmd[0]!r}: {exc.strerror}.\n"
                         "hint: check --timeline, or install timeline-cli.") from exc
    except subprocess.TimeoutExpired as exc:
        raise ToolError(f"timeline did not finish within {timeout:g}s") from exc
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        last = lines[-1].strip() if lines else "(no message)"
        raise ToolError(f"timeline exited with status {proc.returncode}: {last}")
    return parse_events(proc.stdout, "timeline's output")


def parse_events(raw: str, where: str) -> list[dict]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        head = raw.strip()[:60].replace("\n", " ")
        raise ToolError(f"{where} is not JSON ({exc.msg}): {head!r}") from exc
    if isinstance(data, list):  # a bare list of events is accepted too
        data = {"schema": SCHEMA, "events": data}
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ToolError(f"{where} has no `events` list")
    if data.get("schema") != SCHEMA:
        print(f"warning: {where} has schema {data.get('schema')!r}, expected {SCHEMA!r}",
              file=sys.stderr)
    events = [e for e in data["events"] if isinstance(e, dict)]
    for e in events:
        if not isinstance(e.get("date"), dict):
            e["date"] = {"value": str(e.get("date") or "")}
    return events


def load_predictions(path: Path, article: Path | None) -> list[dict]:
    """A saved events JSON: a file, or a folder holding NAME.json for the article."""
    if path.is_dir():
        if article is None:
            raise UsageError("--predictions must be a file in --merged mode")
        path = path / (article.stem + ".json")
        if not path.exists():
            raise ToolError(f"no saved predictions {path}")
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    return parse_events(raw, str(path))


# --------------------------------------------------------------------------- matching


def _same_file(reported: object, path: Path) -> bool:
    if not isinstance(reported, str) or not reported:
        return True  # no path given: judge by the text alone
    p = Path(reported)
    if p.name == path.name:
        return True
    try:
        return p.resolve() == path.resolve()
    except OSError:
        return False


def evidence_overlaps(pred: dict, article: Article, exp: Expected, fold: Folder) -> bool:
    for ev in pred.get("evidence") or []:
        if not isinstance(ev, dict) or not _same_file(ev.get("path"), article.path):
            continue
        s, e = ev.get("start"), ev.get("end")
        if isinstance(s, int) and isinstance(e, int) and e > s:
            if any(s < ee and ss < e for ss, ee in exp.spans):
                return True
        sent = ev.get("sentence")
        if isinstance(sent, str) and any(text_overlap(sent, t, fold) for t in exp.texts):
            return True
    return False


def terms_match(pred: dict, terms: list[str], fold: Folder) -> bool:
    names = [str(pred.get("title") or "")]
    names += [str(a.get("name") or "") for a in pred.get("actors") or [] if isinstance(a, dict)]
    folded = [fold(n) for n in names if n]
    return any(fold(t) and fold(t) in n for t in terms for n in folded)


def max_matching(candidates: list[list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): expected index → predicted index."""
    owner: dict[int, int] = {}  # predicted → expected

    def try_assign(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or try_assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(candidates)):
        try_assign(i, set())
    return {i: j for j, i in owner.items()}


def _pdate_label(pred: dict) -> str:
    d = pred.get("date") or {}
    mod = f" {d.get('mod')}" if d.get("mod") else ""
    return f"{d.get('value')}{mod}"


def _pred_sentence(pred: dict) -> str:
    for ev in pred.get("evidence") or []:
        if isinstance(ev, dict) and ev.get("sentence"):
            return str(ev["sentence"])
    return ""


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


@dataclass
class Score:
    name: str
    expected: int
    predicted: int = 0
    matched: int = 0
    status_agree: int = 0
    type_agree: int = 0
    rubric_failed: int = 0  # events that would match but for a title that breaks the rubric
    error: str | None = None
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)  # matched, with another status or type

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.expected if self.expected else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)

    def as_dict(self) -> dict:
        return {"article": self.name, "expected": self.expected, "predicted": self.predicted,
                "matched": self.matched, "precision": self.precision, "recall": self.recall,
                "f1": self.f1, "status_agree": self.status_agree, "type_agree": self.type_agree,
                "rubric_failed": self.rubric_failed, "error": self.error, "missed": self.missed, "spurious": self.spurious,
                "notes": self.notes}


def _diagnose(exp: Expected, preds: list[dict], article: Article, fold: Folder,
              taken: set[int]) -> str:
    """Why an expected event found no partner: the nearest prediction from the same sentence."""
    best: tuple[int, str] | None = None
    for j, p in enumerate(preds):
        if not evidence_overlaps(p, article, exp, fold):
            continue
        why = []
        if not date_matches(exp.date, exp.mod, p.get("date") or {}):
            why.append(f"date {_pdate_label(p)}")
        if not terms_match(p, exp.terms, fold):
            actors = ", ".join(str(a.get("name")) for a in p.get("actors") or []
                               if isinstance(a, dict))
            why.append(f"no term in title {p.get('title')!r} / actors [{actors}]")
        if not why and j in taken:
            why.append(f"its event ({_pdate_label(p)} {p.get('title')!r}) went to another "
                       "expected event")
        if best is None or len(why) < best[0]:
            best = (len(why), "; ".join(why))
    return "no predicted event from this sentence" if best is None else f"nearest: {best[1]}"


def score_article(article: Article, preds: list[dict], fold: Folder) -> Score:
    exps = article.events
    found = [
        [j for j, p in enumerate(preds)
         if date_matches(e.date, e.mod, p.get("date") or {})
         and terms_match(p, e.terms, fold)
         and evidence_overlaps(p, article, e, fold)]
        for e in exps
    ]
    problems = {j: title_problems(preds[j], fold) for cands in found for j in cands}
    candidates = [[j for j in cands if not problems[j]] for cands in found]
    # try exact date values first, so that a tie goes to the most precise partner
    for e, cands in zip(exps, candidates, strict=True):
        cands.sort(key=lambda j, e=e: (str((preds[j].get("date") or {}).get("value")) != e.date, j))
    pairs = max_matching(candidates)
    sc = Score(article.name, len(exps), len(preds), len(pairs))
    without_rubric = max_matching(found)
    sc.rubric_failed = len(without_rubric) - len(pairs)
    for i, j in without_rubric.items():
        if i not in pairs and problems[j]:
            sc.notes.append(f"title fails the rubric ({'; '.join(problems[j])}): {preds[j].get('title')!r}")
    for i, j in pairs.items():
        sc.status_agree += preds[j].get("status") == exps[i].status
        sc.type_agree += preds[j].get("type") == exps[i].type
        for what in ("status", "type"):
            want, got = getattr(exps[i], what), preds[j].get(what)
            if want != got:
                sc.disagreements.append(f"{what:<6} {want} expected, {got} given: {preds[j].get('title')!r}")
    taken = set(pairs.values())
    for i, e in enumerate(exps):
        if i not in pairs:
            sc.missed.append({"event": e.index, "expected": e.label(), "sentence": e.sentence,
                              "why": _diagnose(e, preds, article, fold, taken)})
    for j, p in enumerate(preds):
        if j not in taken:
            sc.spurious.append({"id": p.get("id"), "date": _pdate_label(p),
                                "status": p.get("status"), "title": p.get("title"),
                                "sentence": _pred_sentence(p)})
    return sc


# --------------------------------------------------------------------------- merged mode


@dataclass
class MergedScore:
    a: str
    b: str
    pairs: int
    predicted: int = 0
    matched: int = 0
    merged: int = 0  # matched events with evidence from both versions
    error: str | None = None
    missed: list[dict] = field(default_factory=list)
    unmerged: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "pairs": self.pairs, "predicted": self.predicted,
                "matched": self.matched, "merged": self.merged, "error": self.error,
                "precision": self.matched / self.predicted if self.predicted else None,
                "recall": self.matched / self.pairs if self.pairs else None,
                "merged_rate": self.merged / self.pairs if self.pairs else None,
                "missed": self.missed, "unmerged": self.unmerged, "spurious": self.spurious}


def pair_events(a: Article, b: Article) -> list[tuple[Expected, Expected]]:
    if all(e.id for e in a.events) and all(e.id for e in b.events):
        by_id = {e.id: e for e in b.events}
        missing = [e.id for e in a.events if e.id not in by_id]
        extra = sorted({e.id for e in b.events} - {e.id for e in a.events})
        if missing or extra:
            raise UsageError(f"{a.name} and {b.name} do not list the same event ids "
                             f"(only in {a.name}: {missing}; only in {b.name}: {extra})")
        return [(e, by_id[e.id]) for e in a.events]
    if len(a.events) != len(b.events):
        raise UsageError(f"{a.name} and {b.name} have no `id`s and a different number of events")
    return list(zip(a.events, b.events, strict=True))


def score_merged(a: Article, b: Article, preds: list[dict], fold: Folder) -> MergedScore:
    twins = pair_events(a, b)

    def hit(p: dict, ea: Expected, eb: Expected) -> tuple[bool, bool]:
        return evidence_overlaps(p, a, ea, fold), evidence_overlaps(p, b, eb, fold)

    candidates = []
    for ea, eb in twins:
        cands = []
        for j, p in enumerate(preds):
            pd = p.get("date") or {}
            if not (date_matches(ea.date, ea.mod, pd) or date_matches(eb.date, eb.mod, pd)):
                continue
            if not terms_match(p, ea.terms + eb.terms, fold):
                continue
            ha, hb = hit(p, ea, eb)
            if ha or hb:
                cands.append((not (ha and hb), j))  # merged events first
        candidates.append([j for _, j in sorted(cands)])
    pairs = max_matching(candidates)
    ms = MergedScore(a.name, b.name, len(twins), len(preds), len(pairs))
    for i, (ea, eb) in enumerate(twins):
        if i not in pairs:
            ms.missed.append({"id": ea.id, "expected": ea.label(), "sentence_a": ea.sentence,
                              "sentence_b": eb.sentence})
            continue
        p = preds[pairs[i]]
        ha, hb = hit(p, ea, eb)
        if ha and hb:
            ms.merged += 1
        else:
            ms.unmerged.append({"id": ea.id, "expected": ea.label(), "title": p.get("title"),
                                "date": _pdate_label(p),
                                "has": a.name if ha else b.name,
                                "lacks": b.name if ha else a.name})
    taken = set(pairs.values())
    for j, p in enumerate(preds):
        if j not in taken:
            paths = sorted({Path(str(e.get("path"))).name for e in p.get("evidence") or []
                            if isinstance(e, dict) and e.get("path")})
            ms.spurious.append({"id": p.get("id"), "date": _pdate_label(p),
                                "title": p.get("title"), "sources": paths,
                                "sentence": _pred_sentence(p)})
    return ms


# --------------------------------------------------------------------------- output


def _f(x: float | None) -> str:
    return "   –  " if x is None else f"{x:6.3f}"


def print_scores(scores: list[Score], show_errors: bool) -> None:
    width = max([len("overall"), *(len(s.name) for s in scores)])
    print(f"{'article':<{width}}  {'exp':>4} {'pred':>4} {'hit':>4}  {'P':>6} {'R':>6} {'F1':>6}"
          f"  {'status':>7} {'type':>7}")
    for s in scores:
        if s.error:
            print(f"{s.name:<{width}}  {s.expected:>4} {'–':>4} {'–':>4}  failed: {s.error}")
            continue
        print(f"{s.name:<{width}}  {s.expected:>4} {s.predicted:>4} {s.matched:>4}  "
              f"{_f(s.precision)} {_f(s.recall)} {_f(s.f1)}  "
              f"{s.status_agree:>3}/{s.matched:<3} {s.type_agree:>3}/{s.matched:<3}")
    total = overall(scores)
    print(f"{'overall':<{width}}  {total.expected:>4} {total.predicted:>4} {total.matched:>4}  "
          f"{_f(total.precision)} {_f(total.recall)} {_f(total.f1)}  "
          f"{total.status_agree:>3}/{total.matched:<3} {total.type_agree:>3}/{total.matched:<3}")
    failed = sum(1 for s in scores if s.error)
    if failed:
        print(f"({failed} article(s) could not be scored; their expected events count as missed)")
    print("status/type: of the matched events, how many have the expected status / type")
    print(f"title rubric: {total.rubric_failed} event(s) would match but for a title that breaks "
          "the rubric (docs/events.md); they count as missed")
    if show_errors:
        for s in scores:
            if s.error or not (s.missed or s.spurious or s.notes or s.disagreements):
                continue
            print(f"\n== {s.name}")
            for n in s.notes:
                print(f"  note: {n}")
            for m in s.missed:
                print(f"  missed  #{m['event']:<2} {m['expected']}\n"
                      f"          「{_short(m['sentence'])}」\n          {m['why']}")
            for p in s.spurious:
                print(f"  extra   {p['date']} [{p['status']}] {p.get('title')!r}\n"
                      f"          「{_short(p['sentence'])}」")
            for d in s.disagreements:
                print(f"  {d}")


def overall(scores: list[Score]) -> Score:
    total = Score("overall", sum(s.expected for s in scores))
    for s in scores:
        if not s.error:
            total.predicted += s.predicted
            total.matched += s.matched
            total.status_agree += s.status_agree
            total.type_agree += s.type_agree
            total.rubric_failed += s.rubric_failed
    return total


def print_merged(ms: MergedScore, show_errors: bool) -> None:
    print(f"\nmerged: {ms.a} + {ms.b}")
    if ms.error:
        print(f"  failed: {ms.error}")
        return
    d = ms.as_dict()
    print(f"  {ms.pairs} events expected, {ms.predicted} predicted, {ms.matched} matched "
          f"(P {_f(d['precision']).strip()}, R {_f(d['recall']).strip()}), "
          f"{ms.merged} with evidence from both versions "
          f"(merged rate {_f(d['merged_rate']).strip()})")
    if show_errors:
        for m in ms.missed:
            print(f"  missed    {m['id'] or ''} {m['expected']}\n"
                  f"            「{_short(m['sentence_a'])}」")
        for u in ms.unmerged:
            print(f"  unmerged  {u['id'] or ''} {u['date']} {u['title']!r}: "
                  f"evidence from {u['has']} only, none from {u['lacks']}")
        for p in ms.spurious:
            print(f"  extra     {p['date']} {p['title']!r} {p['sources']}\n"
                  f"            「{_short(p['sentence'])}」")


# --------------------------------------------------------------------------- main


def check(articles: list[Article]) -> int:
    bad = 0
    by_name = {a.path.name: a for a in articles}
    for a in articles:
        problems = list(a.problems)
        if a.same_story:
            other = by_name.get(a.same_story)
            if other is None and (a.path.parent / a.same_story).exists():
                other = load_article(a.path.parent / a.same_story)
            if other is None:
                problems.append(f"same_story {a.same_story!r} not found")
            else:
                try:
                    for ea, eb in pair_events(a, other):
                        if (ea.date, ea.mod) != (eb.date, eb.mod):
                            problems.append(f"event {ea.id or ea.index}: date {ea.date} "
                                            f"differs from {eb.date} in {other.name}")
                except UsageError as exc:
                    problems.append(str(exc))
        status = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"{a.name}: {len(a.events)} events, {len(a.text)} characters, "
              f"script {a.meta.get('script', '?')}: {status}")
        for p in problems:
            print(f"  error: {p}")
        for w in a.warnings:
            print(f"  warning: {w}")
        bad += bool(problems)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="score_events.py",
        description="Score `timeline list --format json` against tests/articles/*.expected.toml.",
    )
    ap.add_argument("articles", nargs="*",
                    help="article .txt files or folders (default: tests/articles)")
    ap.add_argument("--merged", nargs=2, metavar=("A", "B"),
                    help="run A and B together and check that the merged timeline has the "
                         "events of one version, each with evidence from both")
    ap.add_argument("--show-errors", action="store_true",
                    help="list the missed and the extra events")
    ap.add_argument("--check", action="store_true",
                    help="only validate the articles and their expected events")
    ap.add_argument("--timeline", metavar="CMD",
                    help="the command to run (default: `timeline`, else python -m timeline_cli)")
    ap.add_argument("--predictions", metavar="PATH", type=Path,
                    help="score saved JSON instead of running the tool: a file (one article, "
                         "or the --merged pair) or a folder of NAME.json")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run (default 120)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)

    try:
        if args.merged and args.articles:
            raise UsageError("give either articles or --merged A B, not both")
        paths = collect_articles(list(args.merged) if args.merged else args.articles)
        articles = [load_article(p) for p in paths]
        if args.check:
            return check(articles)
        fold = Folder()
        if args.predictions and not args.predictions.exists():
            raise UsageError(f"no such file or folder: {args.predictions}")
        if (args.predictions and args.predictions.is_file() and not args.merged
                and len(articles) != 1):
            raise UsageError("a --predictions file scores one article; give exactly one")
        cmd = None if args.predictions else find_timeline(args.timeline)
        for a in articles:
            for p in a.problems:
                print(f"warning: {p}", file=sys.stderr)

        def predictions_for(paths_: list[Path]) -> list[dict]:
            if args.predictions:
                return load_predictions(args.predictions, None if args.merged else paths_[0])
            assert cmd is not None
            return run_timeline(cmd, paths_, args.timeout)

        scores: list[Score] = []
        merged: list[MergedScore] = []
        if args.merged:
            pairs = [(articles[0], articles[1])]
        else:
            for a in articles:
                sc = Score(a.name, len(a.events))
                try:
                    sc = score_article(a, predictions_for([a.path]), fold)
                except ToolError as exc:
                    sc.error = str(exc)
                scores.append(sc)
            # pairs declared with same_story, when both halves are being scored
            by_name = {a.path.name: a for a in articles}
            pairs, seen = [], set()
            for a in articles:
                b = by_name.get(a.same_story or "")
                if b is not None and frozenset((a.name, b.name)) not in seen:
                    seen.add(frozenset((a.name, b.name)))
                    pairs.append((a, b))
            if args.predictions:
                pairs = []  # saved single-article outputs say nothing about merging
        for a, b in pairs:
            ms = MergedScore(a.name, b.name, len(a.events))
            try:
                ms = score_merged(a, b, predictions_for([a.path, b.path]), fold)
            except ToolError as exc:
                ms.error = str(exc)
            merged.append(ms)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    if args.json:
        out = {"articles": [s.as_dict() for s in scores],
               "overall": overall(scores).as_dict() if scores else None,
               "merged": [m.as_dict() for m in merged]}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        if scores:
            print_scores(scores, args.show_errors)
        for ms in merged:
            print_merged(ms, args.show_errors)
    failed = any(s.error for s in scores) or any(m.error for m in merged)
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `… | head`: stop quietly
        sys.stderr.close()
        sys.exit(0)
