"""The fast paths of loading agree with the paths that word the errors.

``codec.from_dict`` builds regular documents without cattrs (``_build.build``) and
``validate`` first tries a quick test of soundness (``validate._sound``). Each is only
worth having if it never changes an answer: these tests hold them to that on sound
editions and on documents with one value anywhere replaced by any value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calaim_timeline import (
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    SnapshotError,
    Source,
    SubItem,
)
from calaim_timeline._build import (
    _EDITION_KEYS,
    _FOOTNOTE_KEYS,
    _INITIATIVE_KEYS,
    _MILESTONE_KEYS,
    _PAIR_KEYS,
    _SOURCE_KEYS,
    _SUB_ITEM_KEYS,
    build,
)
from calaim_timeline.codec import _keys, _structure, to_dict
from calaim_timeline.strategies import editions, tweaked_documents
from calaim_timeline.validate import _problems, _sound


def _slow(document: Any) -> Edition | None:  # noqa: ANN401 - any document
    """What the cattrs path reads from ``document``; None where it raises."""
    if not isinstance(document, Mapping):
        return None  # from_dict says so before either path
    try:
        return _structure(document, None)
    except SnapshotError:
        return None


@pytest.mark.parametrize(
    ("keys", "model"),
    [
        (_EDITION_KEYS, Edition),
        (_SOURCE_KEYS, Source),
        (_PAIR_KEYS, Category),
        (_FOOTNOTE_KEYS, Footnote),
        (_INITIATIVE_KEYS, Initiative),
        (_MILESTONE_KEYS, Milestone),
        (_SUB_ITEM_KEYS, SubItem),
    ],
)
def test_the_builder_reads_every_key_of_the_model(keys: frozenset[str], model: type) -> None:
    """A field added to the model must be added to the builder too, or this fails."""
    assert keys == frozenset(_keys(model))


@given(editions())
def test_a_sound_edition_takes_both_fast_paths(edition: Edition) -> None:
    """A sound edition is built without cattrs and passes the quick test."""
    assert build(to_dict(edition)) == edition
    assert _sound(edition)


@given(st.data())
def test_build_agrees_with_cattrs_on_any_tweak(data: st.DataObject) -> None:
    """The fast path may leave a document to cattrs, but never reads it otherwise."""
    document = data.draw(tweaked_documents(to_dict(data.draw(editions(max_initiatives=3)))))
    fast, slow = build(document), _slow(document)
    assert fast is None or fast == slow


@given(st.data())
def test_sound_means_no_problems(data: st.DataObject) -> None:
    """The quick test passes no edition that the detailed checks fault."""
    document = data.draw(tweaked_documents(to_dict(data.draw(editions(max_initiatives=3)))))
    edition = _slow(document)
    if edition is not None:
        assert not _sound(edition) or list(_problems(edition)) == []
