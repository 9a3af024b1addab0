"""The peers' own test suites (JioNLP's time parser and extractor tests, Duckling's Chinese time
corpus), run through `timeline mentions` by their harness, and judged against this project's
list of cases that pass and its divergence table.

    python benchmarks/bench_suites.py [--suites DIR] [--failures] [--update-passing]

The suites live outside the project (`../shared/suites/` next to the repository, or --suites);
nothing of them is copied here. What the project keeps is `tests/suites/passing.txt` (the ids of
the cases that pass) and the divergence table in docs/timex.md (cases read differently on
purpose, each with its reason). tests/test_suites.py and run_all.py's "suites" section use this
module; run alone it prints the pass rates and every case that is neither passing nor listed.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITES_DIR = ROOT.parent / "shared" / "suites"
SUITE_FILES = ("jionlp_parser.jsonl", "jionlp_extractor.jsonl", "duckling_zh.jsonl")
SUITE_NAMES = tuple(name.removesuffix(".jsonl") for name in SUITE_FILES)
PASSING = ROOT / "tests" / "suites" / "passing.txt"
DOCS = ROOT / "docs" / "timex.md"
DIVERGENCE_HEADING = "## Divergences from the peers' test suites"
# Targets of issue 12: share of each suite's cases that pass outright.
TARGETS = {"jionlp_parser": 0.75, "duckling_zh": 0.70}
COVERED_TARGET = 0.95  # passing or listed in the divergence table


@dataclass
class Verdict:
    id: str
    suite: str
    text: str
    expect: str
    answer: list
    passed: bool


@dataclass
class SuiteRun:
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    ref_time: bool = False  # whether the cases' date-times (with offset) were passed to --ref-date

    def by_suite(self) -> dict[str, list[Verdict]]:
        out: dict[str, list[Verdict]] = {}
        for v in self.verdicts.values():
            out.setdefault(v.suite, []).append(v)
        return out


def suites_dir(given: str | None = None) -> Path | None:
    path = Path(given) if given else Path(os.environ.get("TIMELINE_SUITES", SUITES_DIR))
    return path if (path / "eval_suite.py").is_file() and all((path / f).is_file() for f in SUITE_FILES) else None


def timeline_command() -> list[str]:
    return [sys.executable, "-m", "timeline_cli"]


def accepts_date_time(command: list[str]) -> bool:
    """Whether --ref-date takes a date-time with an offset (2013-02-12T04:30:00+08:00)."""
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "t.txt"
        sample.write_text("三小时前", encoding="utf-8")
        done = subprocess.run([*command, "mentions", str(sample), "--ref-date", "2013-02-12T04:30:00+08:00",
                               "--format", "json"], capture_output=True, text=True, cwd=ROOT)
        return done.returncode == 0


def case_passed(verdict: dict) -> bool:
    """The harness's verdict, as this project counts a pass: the strict reading of each kind."""
    if "exact_set" in verdict:  # extractor cases: the set of mention spans
        return bool(verdict["exact_set"])
    kind = verdict["kind"]
    if kind in ("point", "span"):
        return bool(verdict.get("strict"))
    if kind == "duration":
        return bool(verdict.get("dur_ok"))
    if kind == "set":
        return bool(verdict.get("set_type"))
    return bool(verdict.get("correct"))


def run_suites(directory: Path, command: list[str] | None = None) -> SuiteRun:
    command = command or timeline_command()
    ref_time = accepts_date_time(command)
    env = {**os.environ, "TIMELINE_CMD": shlex.join(command), "NO_COLOR": "1"}
    if ref_time:
        env["SUITE_REF_TIME"] = "1"
    else:
        env.pop("SUITE_REF_TIME", None)
    run = SuiteRun(ref_time=ref_time)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cases.jsonl"
        done = subprocess.run([sys.executable, str(directory / "eval_suite.py"),
                               *(str(directory / f) for f in SUITE_FILES), "--system", "project",
                               "--out", str(out)], capture_output=True, text=True, env=env, cwd=ROOT)
        if done.returncode != 0 or not out.is_file():
            raise RuntimeError(f"eval_suite.py failed ({done.returncode}): {done.stderr[-2000:]}")
        for line in out.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            suite = row["id"].split("-")[0]
            run.verdicts[row["id"]] = Verdict(row["id"], suite, row["text"], row["expect"], row["answer"],
                                              case_passed(row["verdict"]))
    return run


def passing_ids(path: Path = PASSING) -> set[str]:
    if not path.is_file():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def divergences(path: Path = DOCS) -> dict[str, str]:
    """The divergence table of docs/timex.md: case id pattern → reason.

    Rows look like `| duckling_zh-g007-* | … | reason |`: the first cell holds case ids or
    patterns (fnmatch: * and ? only) separated by spaces; the last cell is the reason. A row
    that is neither raises ValueError, so that a typo cannot silently drop a row.
    """
    text = path.read_text(encoding="utf-8")
    start = text.find(DIVERGENCE_HEADING)
    if start < 0:
        return {}
    section = text[start + len(DIVERGENCE_HEADING):]
    next_heading = re.search(r"^## ", section, re.MULTILINE)
    if next_heading:
        section = section[:next_heading.start()]
    table: dict[str, str] = {}
    rows = [line for line in section.splitlines() if line.lstrip().startswith("|")]
    for line in rows[2:]:  # after the header and its rule
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        ids = [w.strip("`") for w in cells[0].replace(",", " ").split()]
        bad = [w for w in ids if not re.fullmatch(r"[a-z_]+-[A-Za-z0-9*?\-]+", w)]
        if not ids or bad or len(cells) < 2 or not cells[-1]:
            raise ValueError(f"{path.name}: divergence row without case ids or a reason: {line.strip()[:80]}")
        for pattern in ids:
            table[pattern] = cells[-1]
    return table


def divergence_reason(case_id: str, table: dict[str, str]) -> str | None:
    for pattern, reason in table.items():
        if fnmatch.fnmatchcase(case_id, pattern):
            return reason
    return None


@dataclass
class Judgement:
    regressions: list[Verdict]  # listed as passing, failing now
    unexplained: list[Verdict]  # failing, not in the divergence table
    new_passes: list[Verdict]  # passing, not yet listed as passing
    rates: dict[str, tuple[int, int, int]]  # suite → (passed, documented failures, cases)


def judge(run: SuiteRun, passing: set[str], table: dict[str, str]) -> Judgement:
    regressions, unexplained, new_passes, rates = [], [], [], {}
    for suite, verdicts in sorted(run.by_suite().items()):
        passed = documented = 0
        for v in verdicts:
            if v.passed:
                passed += 1
                if v.id not in passing:
                    new_passes.append(v)
                continue
            if v.id in passing:
                regressions.append(v)
            if divergence_reason(v.id, table) is not None:
                documented += 1
            else:
                unexplained.append(v)
        rates[suite] = (passed, documented, len(verdicts))
    return Judgement(regressions, unexplained, new_passes, rates)


def report(run: SuiteRun, judgement: Judgement) -> list[str]:
    lines = [f"reference: the cases' {'date-times with offset' if run.ref_time else 'dates only'}"]
    for suite, (passed, documented, total) in judgement.rates.items():
        target = TARGETS.get(suite)
        lines.append(f"{suite:18s} pass {passed:4d}/{total:<4d} {passed / total:6.1%}"
                     + (f" (target {target:.0%})" if target else "")
                     + f"   pass or documented {(passed + documented) / total:6.1%} (target {COVERED_TARGET:.0%})")
    return lines


def describe(v: Verdict) -> str:
    return f"{v.id}  {v.text!r}  expect {v.expect}  got {v.answer or '-'}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suites", help="folder of the suites (default ../shared/suites)")
    ap.add_argument("--failures", action="store_true", help="list every failing case, documented or not")
    ap.add_argument("--update-passing", action="store_true", help=f"rewrite {PASSING.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    directory = suites_dir(args.suites)
    if directory is None:
        print("the suites are not there (../shared/suites or --suites)", file=sys.stderr)
        return 2
    run = run_suites(directory)
    table = divergences()
    judgement = judge(run, passing_ids(), table)
    print("\n".join(report(run, judgement)))
    for title, items in (("regressions (listed as passing)", judgement.regressions),
                         ("failing and not in the divergence table", judgement.unexplained)):
        if items:
            print(f"\n{title}: {len(items)}")
            for v in items:
                print("  " + describe(v))
    if args.failures:
        print("\nall failures:")
        for v in run.verdicts.values():
            if not v.passed:
                print("  " + describe(v) + f"  [{divergence_reason(v.id, table) or 'UNLISTED'}]")
    if args.update_passing:
        ids = sorted(v.id for v in run.verdicts.values() if v.passed)
        PASSING.parent.mkdir(parents=True, exist_ok=True)
        PASSING.write_text("# Cases of ../shared/suites that pass (ids only; see benchmarks/bench_suites.py).\n"
                           + "\n".join(ids) + "\n", encoding="utf-8")
        print(f"\nwrote {len(ids)} ids to {PASSING.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
