"""The peers' test suites (../shared/suites): no case listed as passing starts failing, and every
failing case is explained by the divergence table in docs/timex.md.

The cases themselves are not in the project; without the folder the test is skipped. After a
change that makes more cases pass, `python benchmarks/bench_suites.py --update-passing` lists them.
"""

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_suites  # noqa: E402


def test_divergence_table_reads_and_every_row_has_a_reason():
    table = bench_suites.divergences()
    assert table, "docs/timex.md has no divergence table"
    assert all(reason.strip() for reason in table.values())


def test_passing_list_names_cases_of_the_suites():
    ids = bench_suites.passing_ids()
    assert ids, "tests/suites/passing.txt is empty"
    assert all(i.split("-")[0] in bench_suites.SUITE_NAMES for i in ids)


@pytest.fixture(scope="module")
def judged():
    directory = bench_suites.suites_dir()
    if directory is None:
        pytest.skip("the peers' suites are not there (../shared/suites or TIMELINE_SUITES)")
    run = bench_suites.run_suites(directory)
    return bench_suites.judge(run, bench_suites.passing_ids(), bench_suites.divergences())


def test_no_case_listed_as_passing_fails(judged):
    assert not judged.regressions, "\n".join(bench_suites.describe(v) for v in judged.regressions)


def test_every_failing_case_is_in_the_divergence_table(judged):
    assert not judged.unexplained, "\n".join(bench_suites.describe(v) for v in judged.unexplained)
