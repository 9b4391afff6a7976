"""A list's edition: its as-of month and title, its window, ids and checks.

What the list layouts (list tables and bullet lists) share once they have their
milestones by initiative.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from calaim_timeline.errors import ParseError
from calaim_timeline.importers._document import Document
from calaim_timeline.importers._ids import assign_ids, slug
from calaim_timeline.importers._options import ImportOptions
from calaim_timeline.importers._vocabulary import AS_OF, as_of
from calaim_timeline.model import Edition, Initiative, Milestone, Series, Source
from calaim_timeline.period import Period
from calaim_timeline.validation import check

__all__ = ["UNSTATED", "as_of_and_title", "as_of_in", "list_edition", "series_of", "undated"]

UNSTATED: Final = "not stated in the source"
"""The publisher of a list edition when neither the source nor the caller names one."""


def as_of_in(document: Document, rows: Sequence[str] = ()) -> Period | None:
    r"""The month an "as of <Month> <Year>" in the document's title or text names.

    Its title, its tables' captions, its paragraphs, and ``rows`` (a list table's title
    rows).

    Examples:
        >>> from calaim_timeline.importers._markdown import read_markdown
        >>> as_of_in(read_markdown("# Go-live dates\n\nUpdated as of March 3, 2022.\n", "g.md"))
        Period('2022-03')
    """
    texts = [document.title or "", *(t.caption or "" for t in document.tables)]
    texts += [item.text for item in document.texts]
    texts += rows
    return next((found for found in map(as_of, texts) if found is not None), None)


def as_of_and_title(
    document: Document, options: ImportOptions, rows: Sequence[str] = ()
) -> tuple[Period, str]:
    """The edition's as-of month and title: given, else as the document (or ``rows``) says."""
    month = options.as_of or as_of_in(document, rows)
    if month is None:
        msg = "the source does not say which month it is as of: give it (--as-of YYYY-MM)"
        raise ParseError(msg, source=document.source)
    title = options.title or document.title or next(iter(rows), None)
    if not title:
        msg = "the source has no title (no heading or title row): give one (--title TEXT)"
        raise ParseError(msg, source=document.source)
    return month, title


def list_edition(
    document: Document,
    options: ImportOptions,
    about: tuple[Period, str, str],
    initiatives: dict[str, list[Milestone]],
    window: Period | None = None,
) -> Edition:
    """The edition of a list's milestones by initiative: ``about`` is (as-of, title, notes).

    Ids follow ``options.previous`` where its milestones match; the window spans the
    milestones unless given.
    """
    month, title, notes = about
    milestones = [m for group in initiatives.values() for m in group]
    previous = options.previous
    publisher = options.publisher or (previous.publisher if previous else UNSTATED)
    draft = Edition(
        id=options.edition_id,
        title=title,
        as_of=month,
        window=window or _spanned(milestones, month),
        publisher=publisher,
        source=Source(document=document.source, notes=notes),
        series=series_of(options, undated(title), publisher),
        initiatives=tuple(
            Initiative(id=f"~i{k}", name=name, milestones=tuple(group))
            for k, (name, group) in enumerate(initiatives.items())
        ),
    )
    edition = assign_ids(draft, previous, threshold=options.threshold)
    return check(edition, source=document.source)


def _spanned(milestones: list[Milestone], as_of: Period) -> Period:
    """The whole months from the earliest dated milestone's to the latest's.

    A window is whole months; where no milestone is dated, it is the as-of month.

    Examples:
        >>> from calaim_timeline import UnknownDate
        >>> _spanned([Milestone(id="a", title="A", when=Period.parse("2022-02-11/2022-02-28")),
        ...           Milestone(id="b", title="B", when=Period.parse("2023-Q3")),
        ...           Milestone(id="c", title="C", when=UnknownDate(text="TBD"))],
        ...          Period.parse("2022-01"))
        Period('2022-02/2023-09')
    """
    dated = [m.when for m in milestones if isinstance(m.when, Period)]
    start = min((when.start for when in dated), default=as_of.start)
    end = max((when.end for when in dated), default=as_of.end)
    first, last = Period.month(start.year, start.month), Period.month(end.year, end.month)
    return first if first == last else Period.months(first, last)


def undated(name: str) -> str:
    """A heading without its "as of <Month> <Year>": the same initiative in every edition.

    Examples:
        >>> undated("CalAIM Launch Timeline as of January 2022")
        'CalAIM Launch Timeline'
    """
    bare = AS_OF.sub("", name).strip(" ,:;-\u2013\u2014()")
    return bare or name


def series_of(options: ImportOptions, title: str, publisher: str) -> Series:
    """The series of an imported edition: as given, else the previous edition's, else its own.

    A series given by id alone, or one of its own, takes the edition's title (without its
    "as of") and publisher, and its id is the title's slug unless given.

    Examples:
        >>> series_of(ImportOptions(edition_id="x"), "Go-Live Dates", "DHCS")
        Series(id='go-live-dates', title='Go-Live Dates', publisher='DHCS')
    """
    previous = options.previous
    if options.series is None and previous is not None:
        return previous.series
    if previous is not None and previous.series.id == options.series:
        return previous.series
    return Series(id=options.series or slug(title) or "schedule", title=title, publisher=publisher)
