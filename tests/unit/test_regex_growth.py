"""No regular expression of the importers backtracks super-linearly.

Every compiled pattern of ``calaim_timeline.importers`` is tried at one start on
adversarial inputs (a word it knows, then a long run of one character, then a character
no pattern wants) of two sizes, eight times apart. A pattern that backtracks grows with
the square of the run or worse (64 times or more); one that does not grows about eight
times. The test asserts the growth, not a time: it flags a pattern only where the larger
input takes over a millisecond (the best of five tries) and over twenty times the smaller.
The patterns this found: the status suffix (a run of spaces after "live" took 119 s at
2,000 characters) and the "between … and …" forms; possessive quantifiers fixed both.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import calaim_timeline.importers

PREFIXES = ("", "live", "January 2022 live", "Q1 2022", "no sooner than", "between", "(", "FY")
RUNS = (" ", "!", "(", "-", "a", "0", ".", ",", " !", "! ", "a ", "1 ")


def _patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern the importers hold, in their modules' names and containers."""
    found: dict[str, re.Pattern[str]] = {}

    def walk(value: object, name: str) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault(value.pattern, value)
        elif isinstance(value, tuple | list | frozenset | set):
            for item in value:
                walk(item, name)
        elif isinstance(value, dict):
            for item in (*value.keys(), *value.values()):
                walk(item, name)

    package = calaim_timeline.importers
    for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
        for name, value in vars(importlib.import_module(info.name)).items():
            walk(value, name)
    return {pattern.pattern[:60]: pattern for pattern in found.values()}


PATTERNS = _patterns()


def _best(pattern: re.Pattern[str], text: str) -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        pattern.match(text)
        times.append(time.perf_counter() - start)
    return min(times)


def test_the_importers_hold_many_patterns() -> None:
    """The walk finds the patterns (so the test below is not vacuous)."""
    assert len(PATTERNS) >= 50


@pytest.mark.parametrize("key", sorted(PATTERNS))
def test_no_pattern_grows_faster_than_its_input(key: str) -> None:
    """Eight times the input: well under twenty times the time, for every shape tried."""
    pattern = PATTERNS[key]
    grown = []
    for prefix in PREFIXES:
        for run in RUNS:
            small = _best(pattern, prefix + run * 50 + "\x00")
            large = _best(pattern, prefix + run * 400 + "\x00")
            if large > 1e-3 and large > 20 * small:
                grown.append((prefix, run))
    assert grown == []
