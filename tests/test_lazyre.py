"""A lazily compiled pattern behaves like the compiled one, and compiles only when first used."""

import pickle
import re

import pytest

from timeline_cli.lazyre import lazy_compile


def test_it_is_the_compiled_pattern_once_used():
    pattern = lazy_compile(r"(?P<n>\d+)年", re.I)
    assert "search" not in vars(pattern)  # nothing compiled yet
    assert pattern.search("在2025年").group("n") == "2025"
    assert "search" in vars(pattern)  # later calls go straight to the compiled pattern
    assert [m.span() for m in pattern.finditer("1年2年")] == [(0, 2), (2, 4)]
    assert pattern.sub("X", "3年") == "X" and pattern.pattern == r"(?P<n>\d+)年"
    assert pattern.flags & re.I and pattern.groupindex == {"n": 1} and pattern.groups == 1


def test_it_pickles_before_and_after_use():
    pattern = lazy_compile("a+b")
    assert pickle.loads(pickle.dumps(pattern)).match("aab")
    pattern.match("ab")
    assert pickle.loads(pickle.dumps(pattern)).match("aab")


def test_other_names_are_errors():
    with pytest.raises(AttributeError):
        lazy_compile("a").no_such_method  # noqa: B018


def _written():
    _written.calls += 1
    return "x(?P<n>y+)"


_written.calls = 0


def test_a_pattern_written_by_a_function_is_written_on_first_use():
    pattern = lazy_compile(_written)
    assert _written.calls == 0  # a table the function reads is not read yet
    assert pattern.match("xyy").group("n") == "yy" and pattern.pattern == "x(?P<n>y+)"
    assert _written.calls == 1
    assert pickle.loads(pickle.dumps(lazy_compile(_written))).match("xy")
