from __future__ import annotations

import random

import attrs
from hypothesis import given
from hypothesis import strategies as st

from calaim_timeline import Edition
from calaim_timeline.diffing import Change, apply, diff
from calaim_timeline.strategies import Revision, editions, revisions
from tests.conftest import COSTLY


def _reason(change: Change) -> str | None:
    reason = getattr(change, "reason", None)
    return None if reason is None else str(reason.value)


def _shuffled(edition: Edition, seed: int) -> Edition:
    rng = random.Random(seed)  # noqa: S311 - a reproducible shuffle, not security
    return attrs.evolve(
        edition,
        initiatives=tuple(
            attrs.evolve(i, milestones=tuple(rng.sample(i.milestones, len(i.milestones))))
            for i in edition.initiatives
        ),
    )


@given(editions())
def test_an_edition_against_itself_has_no_changes(edition: Edition) -> None:
    """diff(a, a) is empty."""
    assert diff(edition, edition).changes == ()


@given(revisions())
def test_the_diff_reports_exactly_the_edits_made(revision: Revision) -> None:
    """Every shift, add, drop, retitle (ids hidden), rekind, move and rename is found, and nothing else."""
    found = {
        (c.change, c.initiative_id, c.milestone_id, _reason(c))
        for c in diff(revision.old, revision.new)
    }
    assert found == revision.edits


@given(revisions())
def test_apply_rebuilds_the_new_edition(revision: Revision) -> None:
    """apply(a, diff(a, b)) == b."""
    assert apply(revision.old, diff(revision.old, revision.new)) == revision.new


@COSTLY
@given(revisions())
def test_the_inverse_is_the_diff_the_other_way(revision: Revision) -> None:
    """diff(a, b).inverse() == diff(b, a), and inverting twice gives the diff back."""
    forward = diff(revision.old, revision.new)
    assert forward.inverse() == diff(revision.new, revision.old)
    assert forward.inverse().inverse() == forward


@given(revisions())
def test_swapping_old_and_new_swaps_added_and_dropped(revision: Revision) -> None:
    """What was added one way is dropped the other way, and vice versa."""
    forward = diff(revision.old, revision.new).summary()
    backward = diff(revision.new, revision.old).summary()
    assert forward.get("milestone-added", 0) == backward.get("milestone-dropped", 0)
    assert forward.get("milestone-dropped", 0) == backward.get("milestone-added", 0)


@given(revisions(), st.integers(0, 2**32 - 1))
def test_shuffling_milestones_changes_nothing(revision: Revision, seed: int) -> None:
    """The order of milestones in the files does not change what is reported."""
    plain = diff(revision.old, revision.new)
    shuffled = diff(_shuffled(revision.old, seed), _shuffled(revision.new, seed + 1))
    assert set(shuffled.changes) == set(plain.changes)
    assert diff(revision.old, _shuffled(revision.old, seed)).changes == ()
