#!/usr/bin/env python3
"""Score timeline-cli on the held-out set of real news (benchmarks/heldout/), in one run.

    python benchmarks/score_heldout.py [--json FILE] [--timeline CMD] [--no-jionlp]

1. Temporal mentions: value and span F1 by script (score_timex.py's scoring), for
   timeline-cli and, when installed, JioNLP, on the whole articles.
2. Events: precision and recall against the expected chronologies (score_events.py's
   matching), per script and overall.
3. Wrong merges: every article run together as one folder; a merged event with evidence
   from two different articles is a wrong merge (the articles tell unrelated stories).
4. Twins: each Traditional article run with its OpenCC Simplified version (t2s, a
   temporary copy with the same sidecar); the share of the article's events that come out
   merged with their twin (evidence from both files).

These articles are never used for tuning (see heldout/README.md): run this to measure,
fix families on the tuning sets, measure again.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
HELDOUT = HERE / "heldout"
sys.path.insert(0, str(HERE))

import score_events  # noqa: E402
import score_timex  # noqa: E402


def articles() -> list[Path]:
    return sorted(HELDOUT.glob("*/*.txt"))


def timex_items() -> list:
    items = []
    for text_path in articles():
        gold = json.loads(text_path.with_suffix(".timex.json").read_text("utf-8"))
        gold["text"] = text_path.read_text("utf-8")
        items.append(score_timex.item_from_json(gold))
    return items


def score_mentions(use_jionlp: bool) -> dict:
    items = timex_items()
    extractors = {"timeline-cli": score_timex.load_ours()}
    if use_jionlp:
        jio = score_timex.load_jionlp()
        if jio is not None:
            extractors["JioNLP"] = jio
    report = {}
    for name, extract in extractors.items():
        summary = score_timex.summarize([score_timex.score_item(item, extract) for item in items])
        report[name] = {"value f1": summary["value"]["f1"], "span f1": summary["span"]["f1"],
                        "value": summary["value"], "by_script": {s: v["f1"] for s, v in summary["value_by_script"].items()}}
    return report


def score_all_events(cmd: list[str]) -> dict:
    fold = score_events.Folder()
    by_script: dict[str, list] = {"hans": [], "hant": []}
    for path in articles():
        article = score_events.load_article(path)
        predictions = score_events.run_timeline(cmd, [path], 300)
        by_script[path.parent.name].append(score_events.score_article(article, predictions, fold))
    out = {}
    for script, scores in [*by_script.items(), ("all", by_script["hans"] + by_script["hant"])]:
        total = score_events.overall(scores)
        out[script] = {"expected": total.expected, "predicted": total.predicted, "matched": total.matched,
                       "precision": total.precision, "recall": total.recall, "f1": total.f1}
    return out


def wrong_merges(cmd: list[str]) -> dict:
    predictions = score_events.run_timeline(cmd, articles(), 600)
    multi = [e for e in predictions if len({ev["path"] for ev in e["evidence"]}) > 1]
    return {"events": len(predictions), "multi_source": len(multi), "wrong": len(multi),
            "examples": [{"title": e["title"], "paths": sorted({ev["path"] for ev in e["evidence"]})}
                         for e in multi[:10]]}


def twins(cmd: list[str]) -> dict:
    import opencc

    convert = opencc.OpenCC("t2s").convert
    merged = total = 0
    per_article = {}
    with tempfile.TemporaryDirectory(prefix="twins-") as tmp:
        for path in sorted((HELDOUT / "hant").glob("*.txt")):
            twin_dir = Path(tmp) / path.stem
            twin_dir.mkdir()
            original = twin_dir / path.name
            shutil.copy(path, original)
            simplified = twin_dir / f"{path.stem}_hans.txt"
            simplified.write_text(convert(path.read_text("utf-8")), "utf-8")
            meta = path.with_suffix(".meta.toml")
            if meta.exists():
                shutil.copy(meta, twin_dir / meta.name)
                shutil.copy(meta, twin_dir / f"{path.stem}_hans.meta.toml")
            alone = score_events.run_timeline(cmd, [original], 300)
            both = score_events.run_timeline(cmd, [original, simplified], 300)
            joined = sum(1 for e in both if len({ev["path"] for ev in e["evidence"]}) == 2)
            per_article[path.stem] = (joined, len(alone))
            merged += joined
            total += len(alone)
    return {"merged": merged, "events": total, "share": merged / total if total else None,
            "per_article": per_article}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--timeline", metavar="CMD", help="the command to run (default: found as score_events does)")
    ap.add_argument("--no-jionlp", action="store_true", help="score timeline-cli only")
    args = ap.parse_args(argv)
    cmd = score_events.find_timeline(args.timeline)
    report = {"articles": len(articles()), "mentions": score_mentions(not args.no_jionlp),
              "events": score_all_events(cmd), "wrong_merges": wrong_merges(cmd), "twins": twins(cmd)}
    print(f"held-out set: {report['articles']} articles")
    print("\n== temporal mentions (value F1; span F1) ==")
    for name, figures in report["mentions"].items():
        scripts = ", ".join(f"{s} {v:.3f}" for s, v in figures["by_script"].items() if v is not None)
        print(f"{name:14} value F1 {figures['value f1']:.3f} ({scripts}); span F1 {figures['span f1']:.3f}")
    print("\n== events ==")
    for script, f in report["events"].items():
        print(f"{script:5} expected {f['expected']:4} predicted {f['predicted']:4} matched {f['matched']:4}  "
              f"P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}")
    w = report["wrong_merges"]
    print(f"\n== all articles as one folder ==\n{w['events']} events, {w['wrong']} merged across articles "
          f"(each a wrong merge: the articles tell unrelated stories)")
    for example in w["examples"]:
        print(f"  {example['title']}  <- {', '.join(example['paths'])}")
    t = report["twins"]
    print(f"\n== Traditional articles with their Simplified twins ==\n{t['merged']} of {t['events']} events merged "
          f"({t['share']:.1%})" if t["share"] is not None else "no events")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
