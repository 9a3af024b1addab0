"""The benchmark script still runs: every section on tiny inputs (--smoke), without JioNLP.

The figures of a smoke run mean nothing; this only catches a broken benchmarks/run_all.py.
"""

import json
import subprocess
import sys

from conftest import ROOT

BENCH = ROOT / "benchmarks"
SECTIONS = ("startup", "throughput", "scaling", "jobs", "adversarial", "suites")


def test_run_all_smoke_runs_every_section(tmp_path):
    report = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, str(BENCH / "run_all.py"), "--smoke", "--out", str(tmp_path / "out"),
         "--json", str(report)],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    for name in (*SECTIONS, "targets"):
        assert f"== {name} ==" in done.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["meta"]["smoke"] is True
    assert set(data["sections"]) == set(SECTIONS)
    assert not [name for name, section in data["sections"].items() if "error" in section]
    # Every target is there. JioNLP's is left out of a smoke run; the growth of hostile-text time
    # can come out unjudged on a busy machine, where start-up is most of a few kB's run.
    verdicts = {t["target"]: t["ok"] for t in data["targets"]}
    assert len(verdicts) == 15
    skipped = {name for name, ok in verdicts.items() if ok is None}
    assert "timeline mentions (10 MB) chars/s / JioNLP's" in skipped
    # The peers' suites (../shared/suites) may not be on this machine.
    suites = {t["target"] for t in data["targets"] if t["section"] == "suites"}
    assert skipped - suites <= {"timeline mentions (10 MB) chars/s / JioNLP's",
                                "time per MB at 1 MB / at 0.25 MB, start-up taken off"}
    # Generated inputs stay in the scratch folder.
    assert (tmp_path / "out" / "inputs").is_dir()


def test_generated_inputs_are_deterministic_and_sized(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        import bench_inputs
    finally:
        sys.path.remove(str(BENCH))
    text = bench_inputs.adversarial_text(20_000)
    assert text == bench_inputs.adversarial_text(20_000)
    assert 20_000 - 4 < len(text.encode("utf-8")) <= 20_000 and "\n" not in text
    assert any(c in text for c in "０１２３４５６７８９") and "年" in text and "二" in text
    size, chars = bench_inputs.article_folder(tmp_path / "folder", 30)
    files = sorted((tmp_path / "folder").rglob("*.txt"))
    assert len(files) == 30 and len({f.read_text(encoding="utf-8") for f in files}) == 30
    assert size == sum(f.stat().st_size for f in files)
    nbytes, nchars = bench_inputs.repeated_file(tmp_path / "r.txt", 3)
    assert nbytes == (tmp_path / "r.txt").stat().st_size and nchars == 3 * len(bench_inputs.unit())
    assert chars == sum(len(f.read_text(encoding="utf-8")) for f in files)


def test_bench_index_times_the_queries_of_an_index_built_before(tmp_path):
    """bench_index.py --db FILE: every query runs on the index and says how many lines it printed."""
    db = tmp_path / "seed.db"
    built = subprocess.run([sys.executable, "-m", "timeline_cli", "index", str(ROOT / "seeds"), "--db", str(db)],
                           capture_output=True, cwd=ROOT, timeout=120)
    assert built.returncode == 0, built.stderr
    report = tmp_path / "latency.json"
    done = subprocess.run([sys.executable, str(BENCH / "bench_index.py"), "--db", str(db), "--repeat", "1",
                           "--json", str(report)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert set(data["latency"]) == set(data["rows"]) and len(data["rows"]) == 5
    assert data["rows"]["show ID"] > 0 and data["rows"]["list --actor Meta"] > 0
