"""Strategies for the model types: periods, milestones, initiatives, editions.

Every strategy here is built once, from the shapes of ``_shapes.py``, which do not depend
on what was drawn before. That keeps drawing cheap (Hypothesis's ``too_slow`` health
check passes under default settings) and lets examples shrink towards the start of the
window and the first footnote.
"""

from __future__ import annotations

from hypothesis import strategies as st

from calaim_timeline.model import (
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    MilestoneKind,
    Source,
    Status,
    SubItem,
)
from calaim_timeline.period import Period, Precision, UnknownDate
from calaim_timeline.strategies._shapes import (
    _CATEGORIES,
    _CATEGORY_LISTS,
    _EXCLUDED,
    _FOOTNOTES,
    _INITIATIVE_SHAPES,
    _KINDS,
    _MILESTONE_SHAPES,
    _PERIOD_SHAPES,
    _PRECISIONS,
    _SERIES,
    _SLOTS,
    _SLUGS,
    _SOURCES,
    _STATUSES,
    _SUB_ITEM_SHAPES,
    _TEXTS,
    _UNKNOWN_DATES,
    _WINDOWS,
    _InitiativeShape,
    _MilestoneShape,
    _Place,
    text_lines,
)

__all__ = [
    "categories",
    "editions",
    "footnotes",
    "initiatives",
    "milestone_kinds",
    "milestones",
    "periods",
    "precisions",
    "slugs",
    "sources",
    "statuses",
    "sub_items",
    "texts",
    "unknown_dates",
    "windows",
]


def slugs() -> st.SearchStrategy[str]:
    """Ids as the library wants them: ``mot-carve-in-live``.

    Examples:
        >>> from hypothesis import given
        >>> @given(slugs())
        ... def test_ids_are_lower_case_words(slug):
        ...     assert all(word.isalnum() and word == word.lower() for word in slug.split("-"))
        >>> test_ids_are_lower_case_words()
    """
    return _SLUGS


def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Titles, names and wording: one line, not empty, no surrounding spaces.

    Examples:
        >>> from hypothesis import given
        >>> @given(texts(max_size=10))
        ... def test_one_trimmed_line(text):
        ...     assert text == text.strip() and chr(10) not in text and len(text) <= 10
        >>> test_one_trimmed_line()
    """
    return text_lines(max_size)


def precisions() -> st.SearchStrategy[Precision]:
    """Any precision.

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline import Precision
        >>> @given(precisions())
        ... def test_a_precision(precision):
        ...     assert isinstance(precision, Precision)
        >>> test_a_precision()
    """
    return _PRECISIONS


def milestone_kinds() -> st.SearchStrategy[MilestoneKind | None]:
    """A milestone kind, or None for an unmarked milestone.

    Examples:
        >>> from hypothesis import given
        >>> @given(milestone_kinds())
        ... def test_a_mark_or_none(kind):
        ...     assert kind is None or kind.mark in "*^+"
        >>> test_a_mark_or_none()
    """
    return _KINDS


def statuses() -> st.SearchStrategy[Status]:
    """Planned or done.

    Examples:
        >>> from hypothesis import given
        >>> @given(statuses())
        ... def test_planned_or_done(status):
        ...     assert status.value in ("planned", "done")
        >>> test_planned_or_done()
    """
    return _STATUSES


def periods(*, within: Period | None = None, wording: bool = True) -> st.SearchStrategy[Period]:
    """Periods of every precision, inside ``within`` when given, some with wording.

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline import Period
        >>> half = Period.parse("2022-01/2022-06")
        >>> @given(periods(within=half))
        ... def test_inside_the_half(period):
        ...     assert half.contains(period)
        ...     assert Period.parse(str(period), text=period.text) == period
        >>> test_inside_the_half()
    """
    place = _Place.within(within)
    if wording:
        return _PERIOD_SHAPES.map(place.period)
    return _PERIOD_SHAPES.map(lambda shape: place.period(shape._replace(text=None)))


def unknown_dates() -> st.SearchStrategy[UnknownDate]:
    """Unknown dates, some with the source's wording ("TBD").

    Examples:
        >>> from hypothesis import given
        >>> @given(unknown_dates())
        ... def test_unknown(when):
        ...     assert str(when) == "unknown"
        >>> test_unknown()
    """
    return _UNKNOWN_DATES


def windows() -> st.SearchStrategy[Period]:
    """An edition window: one month or a span of 2 to 25 whole months.

    Examples:
        >>> from hypothesis import given
        >>> @given(windows())
        ... def test_whole_months(window):
        ...     assert window.start.day == 1
        ...     assert window.precision.value in ("month", "span")
        >>> test_whole_months()
    """
    return _WINDOWS


def footnotes() -> st.SearchStrategy[tuple[Footnote, ...]]:
    """An edition's footnotes: unique numbers in ascending order.

    Examples:
        >>> from hypothesis import given
        >>> @given(footnotes())
        ... def test_ascending(notes):
        ...     numbers = [note.number for note in notes]
        ...     assert numbers == sorted(set(numbers))
        >>> test_ascending()
    """
    return _FOOTNOTES


def sub_items(*, footnote_numbers: tuple[int, ...] = ()) -> st.SearchStrategy[SubItem]:
    """Sub-bullets, referring only to ``footnote_numbers``.

    Examples:
        >>> from hypothesis import given
        >>> @given(sub_items(footnote_numbers=(1, 2)))
        ... def test_known_footnotes(item):
        ...     assert set(item.footnotes) <= {1, 2}
        >>> test_known_footnotes()
    """
    return _SUB_ITEM_SHAPES.map(_Place.within(None, footnote_numbers).sub_item)


def milestones(
    *, within: Period | None = None, footnote_numbers: tuple[int, ...] = ()
) -> st.SearchStrategy[Milestone]:
    """Milestones with periods inside ``within``, referring only to ``footnote_numbers``.

    About a third carry a lineage other than their id; about one in eight has an unknown
    date (:class:`~calaim_timeline.period.UnknownDate`), which every window admits.

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline import Period
        >>> quarter = Period.parse("2022-Q1")
        >>> @given(milestones(within=quarter, footnote_numbers=(4,)))
        ... def test_inside_the_quarter(milestone):
        ...     assert isinstance(milestone.when, UnknownDate) or quarter.contains(milestone.when)
        ...     assert set(milestone.footnotes) <= {4}
        >>> test_inside_the_quarter()
    """
    return _MILESTONE_SHAPES.map(_Place.within(within, footnote_numbers).milestone)


def categories() -> st.SearchStrategy[Category]:
    """A category.

    Examples:
        >>> from hypothesis import given
        >>> @given(categories())
        ... def test_a_category(category):
        ...     assert category.id and category.name
        >>> test_a_category()
    """
    return _CATEGORIES


def initiatives(
    *,
    category_ids: tuple[str, ...] = (),
    within: Period | None = None,
    footnote_numbers: tuple[int, ...] = (),
) -> st.SearchStrategy[Initiative]:
    """An initiative with milestones of unique ids and lineages.

    Examples:
        >>> from hypothesis import given
        >>> @given(initiatives(category_ids=("county",)))
        ... def test_ids_are_unique(initiative):
        ...     assert len({m.id for m in initiative.milestones}) == len(initiative.milestones)
        ...     assert initiative.category in (None, "county")
        >>> test_ids_are_unique()
    """
    place = _Place.within(within, footnote_numbers)
    return st.builds(
        lambda shape, found: place.initiative(shape, category_ids, found),
        _INITIATIVE_SHAPES,
        st.lists(_MILESTONE_SHAPES, max_size=4, unique_by=lambda shape: shape.id),
    )


def sources() -> st.SearchStrategy[Source]:
    """Where an edition comes from.

    Examples:
        >>> from hypothesis import given
        >>> @given(sources())
        ... def test_a_document(source):
        ...     assert source.document
        >>> test_a_document()
    """
    return _SOURCES


def editions(*, max_initiatives: int = 5) -> st.SearchStrategy[Edition]:
    """A sound edition: everything :func:`~calaim_timeline.validation.validate` checks holds.

    Unique ids and lineages, footnote references that resolve, known categories,
    milestones inside the window; up to ``max_initiatives`` initiatives.

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline import validate
        >>> @given(editions())
        ... def test_sound(edition):
        ...     assert validate(edition) == ()
        >>> test_sound()
    """
    return _editions(
        st.lists(_INITIATIVE_SHAPES, max_size=max_initiatives, unique_by=lambda shape: shape.id),
        st.lists(
            st.tuples(_SLOTS, _MILESTONE_SHAPES),
            max_size=4 * max_initiatives,
            unique_by=lambda drawn: drawn[1].id,
        ),
    )


@st.composite
def _editions(
    draw: st.DrawFn,
    initiative_shapes: st.SearchStrategy[list[_InitiativeShape]],
    milestone_shapes: st.SearchStrategy[list[tuple[int, _MilestoneShape]]],
) -> Edition:
    """An edition of the drawn initiatives, each milestone in the initiative of its slot.

    Milestone ids are unique across the edition by construction (``unique_by`` over the
    whole edition) and so are lineages (``lineage-<id>`` or the id itself).
    """
    window = draw(_WINDOWS)
    notes = draw(_FOOTNOTES)
    groups = draw(_CATEGORY_LISTS)
    shells = draw(initiative_shapes)
    drawn = draw(milestone_shapes)
    place = _Place.within(window, tuple(note.number for note in notes))
    homes: list[list[_MilestoneShape]] = [[] for _ in shells]
    for slot, shape in drawn if homes else ():
        homes[slot % len(homes)].append(shape)
    category_ids = tuple(category.id for category in groups)
    return Edition(
        id=draw(_SLUGS),
        title=draw(_TEXTS),
        as_of=Period.month(window.start.year, window.start.month),
        window=window,
        publisher=draw(_TEXTS),
        source=draw(_SOURCES),
        series=draw(_SERIES),
        categories=groups,
        initiatives=tuple(
            place.initiative(shell, category_ids, home)
            for shell, home in zip(shells, homes, strict=True)
        ),
        footnotes=notes,
        excluded_initiatives=draw(_EXCLUDED),
    )
