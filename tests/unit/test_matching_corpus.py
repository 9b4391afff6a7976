"""Matching on the labelled corpus of edits (tests/matching_corpus.py), class by class."""

from __future__ import annotations

import pytest

from tests.matching_corpus import CLASSES, cases, scores

SCORES = scores()
UNDECIDABLE = {case.edit_class for case in cases() if not case.decidable}


@pytest.mark.parametrize("edit_class", [c for c in CLASSES if c not in UNDECIDABLE])
def test_every_pair_a_careful_reader_makes_and_no_other(edit_class: str) -> None:
    """Precision and recall are 100% on every class a reader decides from the editions."""
    score = SCORES[edit_class]
    assert (score.precision, score.recall, score.wrong, score.missed) == (1.0, 1.0, 0, 0)


def test_a_merge_pairs_the_merged_milestone_with_the_closer_of_the_two() -> None:
    """Two milestones merged into one: the more alike title is its continuation, the other drops."""
    case = next(c for c in cases() if c.edit_class == "milestones: merged")
    assert case.found() == {
        ("m:ltss-care-coordination-guidance", "m:x-network-and-care-coordination-guidance-to")
    }


def test_a_split_continues_neither_part() -> None:
    """One milestone split into two: the original drops and both parts are new."""
    case = next(c for c in cases() if c.edit_class == "milestone: split")
    assert case.found() == set()


def test_the_corpus_covers_every_class_of_edit_the_design_names() -> None:
    """The classes of the identity issue are all in the corpus, with at least one case each."""
    assert set(CLASSES) >= {
        "initiative: name extended",
        "initiative: renamed, milestones follow",
        "initiative: recategorized",
        "milestone: words inserted",
        "milestone: abbreviation spelled out",
        "milestone: qualifier added or removed",
        "milestone: punctuation and case",
        "milestone: shifted",
        "milestone: other number",
        "milestone: dropped",
        "milestone: added",
        "milestone: moved",
        "milestones: reordered",
        "milestones: merged",
        "milestone: split",
        "several edits at once",
    }
