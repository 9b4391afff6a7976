"""How alike two texts are: normalised text, similarity, and the numbers that keep apart.

Matching (:mod:`calaim_timeline.matching`) pairs titles and names with these; the change
records use them to tell an editorial change from a real one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

__all__ = ["compared", "glossary", "normalise", "numbers", "similarity"]

_MARKUP: Final = re.compile(r"<[^>]*>")
_NUMBER: Final = re.compile(r"\d+")
_PUNCTUATION: Final = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """The text with case, punctuation, whitespace and markup ignored.

    Two titles that normalise alike differ only editorially.

    Examples:
        >>> normalise("Final  <b>PATH</b> Program Requirements & Parameters*")
        'final path program requirements parameters'
    """
    return _normalise(text)


@lru_cache(maxsize=1 << 16)  # matching asks again for the same titles at every stage
def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", _MARKUP.sub(" ", text)).casefold()
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def similarity(left: str, right: str) -> float:
    """How alike two texts are, 0 to 100, after normalising; symmetric.

    Examples:
        >>> similarity("MOT Carve-In goes live", "MOT carve-in goes live!")
        100.0
    """
    from rapidfuzz import fuzz  # noqa: PLC0415 - only matching needs it

    return float(fuzz.token_sort_ratio(normalise(left), normalise(right)))


def numbers(text: str) -> tuple[str, ...]:
    """The numbers in a text, sorted: titles whose numbers differ are never paired.

    "Program Year 1 goes live" and "Program Year 2 goes live" are 96% alike but are two
    milestones; so are "CY 2022 rates" and "CY 2023 rates".

    Examples:
        >>> numbers("Updated Information Notice 19-026 for CY 2022")
        ('026', '19', '2022')
    """
    return _numbers(text)


@lru_cache(maxsize=1 << 16)  # asked again for the same titles at every stage and edition
def _numbers(text: str) -> tuple[str, ...]:
    return tuple(sorted(_NUMBER.findall(normalise(text))))


_SPELLED_OUT: Final = re.compile(r"\(([A-Za-z][A-Za-z0-9&/-]*[A-Za-z0-9])\)")
_SMALL_WORDS: Final = frozenset({"a", "an", "and", "for", "in", "of", "on", "the", "to"})


def glossary(texts: Iterable[str]) -> dict[str, str]:
    """The abbreviations ``texts`` spell out: normalised long form to normalised acronym.

    "American Society of Addiction Medicine (ASAM)" spells out ASAM: the initials of the
    words before the parentheses (small words such as "of" aside, hyphenated words
    counted as two) are its letters.

    Examples:
        >>> glossary(["Drug Medi-Cal Organized Delivery System (DMC-ODS) renewal"])
        {'drug medi cal organized delivery system': 'dmc ods'}
    """
    found: dict[str, str] = {}
    for text in texts:
        for spelled in _SPELLED_OUT.finditer(text):
            letters = [c for c in spelled.group(1).casefold() if c.isalnum()]
            words = normalise(text[: spelled.start()]).split()
            taken: list[str] = []
            for word in reversed(words):
                taken.insert(0, word)
                initials = [w[0] for w in taken if w not in _SMALL_WORDS]
                if len(initials) >= len(letters):
                    if initials == letters and len(letters) > 1:
                        found[" ".join(taken)] = normalise(spelled.group(1))
                    break
    return found


def compared(text: str, abbreviations: dict[str, str]) -> str:
    """The normalised text with each long form in ``abbreviations`` cut to its acronym.

    Examples:
        >>> terms = {"specialty mental health services": "smhs"}
        >>> compared("Criteria for Specialty Mental Health Services (SMHS) go live", terms)
        'criteria for smhs go live'
        >>> compared("Criteria for SMHS go live", terms)
        'criteria for smhs go live'
    """
    padded = f" {normalise(text)} "
    for long, short in sorted(abbreviations.items(), key=lambda item: -len(item[0])):
        padded = padded.replace(f" {long} {short} ", f" {short} ").replace(
            f" {long} ", f" {short} "
        )
    return padded.strip()
