"""Checking an edition at once: the same verdict as checking it milestone by milestone."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from calaim_timeline import Edition, SubItem
from calaim_timeline._fast import all_clean, sound
from calaim_timeline._values import clean
from calaim_timeline.strategies import editions, periods
from calaim_timeline.validation import _milestone

pytestmark = pytest.mark.usefixtures("load_path")

ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=6)
"""Any text: controls, format characters, lone surrogates, spaces at either end."""


@given(st.lists(ANY_TEXT, max_size=4))
def test_texts_are_clean_together_exactly_when_each_is_clean(texts: list[str]) -> None:
    """The whole-edition test of texts agrees with the test of each text."""
    assert all_clean(texts) == all(map(clean, texts))


@given(editions(max_initiatives=2), st.data())
def test_the_whole_edition_check_finds_what_the_milestone_check_finds(
    edition: Edition, data: st.DataObject
) -> None:
    """A milestone given any id, title, period, notes or sub-items: both checks agree."""
    placed = edition.milestones
    if not placed:
        return
    _, milestone = data.draw(st.sampled_from(placed))
    changes: dict[str, Any] = data.draw(
        st.fixed_dictionaries(
            {},
            optional={
                "id": ANY_TEXT,
                "lineage": ANY_TEXT,
                "title": ANY_TEXT,
                "when": periods(),
                "footnotes": st.lists(st.integers(-1, 4), max_size=2).map(tuple),
                "sub_items": st.lists(st.builds(SubItem, text=ANY_TEXT), max_size=2).map(tuple),
            },
        )
    )
    changed = attrs.evolve(milestone, **changes)
    milestones = [changed if m is milestone else m for _, m in placed]
    notes = {note.number for note in edition.footnotes}
    by_each = not any(_milestone(0, 0, m, edition.window, notes) for m in milestones)
    assert sound(milestones, edition.window, notes) == by_each
