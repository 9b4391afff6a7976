"""The invariants of one edition, every problem reported together.

:func:`validate` returns the problems (empty when the edition is sound);
:func:`check` raises :class:`~calaim_timeline.errors.ValidationError` with all of
them. Paths use the file's own keys, ``initiatives[3].milestones[0].when``.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from operator import attrgetter
from typing import Final

from calaim_timeline import _fast
from calaim_timeline._reporting import quoted
from calaim_timeline._values import ID_PATTERN, UNSAFE_CHARACTERS, clean, encodes
from calaim_timeline.errors import OptionError, Problem, ValidationError
from calaim_timeline.model import Edition, Initiative, Milestone, SubItem
from calaim_timeline.period import Period, Precision

__all__ = ["ID_PATTERN", "UNSAFE_CHARACTERS", "check", "checked", "validate"]


def validate(edition: Edition) -> tuple[Problem, ...]:
    """Every problem of ``edition``, in document order; empty when it is sound.

    Examples:
        >>> from calaim_timeline import Archive
        >>> validate(Archive.bundled()["2021-11"])
        ()
    """
    return tuple(_problems(edition))


def check(edition: Edition, *, source: str | None = None) -> Edition:
    """Return ``edition`` unchanged, or raise ValidationError with every problem.

    Examples:
        >>> from calaim_timeline import Archive
        >>> november = Archive.bundled()["2021-11"]
        >>> check(november) is november
        True
        >>> import attrs
        >>> check(attrs.evolve(november, id="Nov 2021"), source="nov.toml")
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.ValidationError: nov.toml: 1 problem: id: must be a slug ...
    """
    problems = validate(edition)
    if problems:
        raise ValidationError(source, problems)
    _CHECKED[id(edition)] = edition
    return edition


_CHECKED: Final[weakref.WeakValueDictionary[int, Edition]] = weakref.WeakValueDictionary()
"""The editions found sound so far (held weakly): an edition is immutable, so once is enough."""


def checked(edition: Edition, *, source: str | None = None) -> Edition:
    """:func:`check`, unless ``edition`` has been found sound already (by ``load``, say).

    Examples:
        >>> from calaim_timeline import Archive
        >>> november = Archive.bundled()["2021-11"]
        >>> checked(november) is november
        True
    """
    given: object = edition  # checked at run time, whatever the type says
    if not isinstance(given, Edition):
        msg = f"expected an Edition (got {type(given).__name__})"
        raise OptionError(msg)
    if _CHECKED.get(id(edition)) is edition:
        return edition
    return check(edition, source=source)


def _problems(edition: Edition) -> Iterator[Problem]:
    yield from _slug("id", edition.id)
    yield from _text("title", edition.title)
    yield from _text("publisher", edition.publisher)
    yield from _text("source.document", edition.source.document)
    for name in ("url", "notes"):
        value = getattr(edition.source, name)
        if value is not None:
            yield from _text(f"source.{name}", value)
    yield from _slug("series.id", edition.series.id)
    yield from _text("series.title", edition.series.title)
    yield from _text("series.publisher", edition.series.publisher)
    yield from _month_or_day("as_of", edition.as_of, allow_span=False)
    yield from _month_or_day("window", edition.window, allow_span=True)

    yield from _categories(edition)
    yield from _footnotes(edition)
    yield from _names("excluded_initiatives", edition.excluded_initiatives)

    known_categories = {c.id for c in edition.categories}
    known_notes = {f.number for f in edition.footnotes}
    every = list(chain.from_iterable(map(_MILESTONES, edition.initiatives)))
    sound = _fast.ON and _fast.sound(every, edition.window, known_notes)
    for i, initiative in enumerate(edition.initiatives):
        yield from _initiative(f"initiatives[{i}]", initiative, known_categories, known_notes)
        if not sound:
            for j, milestone in enumerate(initiative.milestones):
                yield from _milestone(i, j, milestone, edition.window, known_notes)
    yield from _repeats(edition, every)


_MILESTONES: Final = attrgetter("milestones")
_ID: Final = attrgetter("id")
_LINEAGE: Final = attrgetter("lineage")


def _repeats(edition: Edition, milestones: list[Milestone]) -> Iterator[Problem]:
    """Ids and lineages used twice; the sets are compared first, the paths made only if so."""
    initiative_ids = [x.id for x in edition.initiatives]
    if len(set(initiative_ids)) != len(initiative_ids):
        yield from _repeated(
            "initiatives",
            "id",
            [(f"initiatives[{i}]", x.id) for i, x in enumerate(edition.initiatives)],
        )
    ids = list(map(_ID, milestones))
    lineages = list(map(_LINEAGE, milestones))
    if len(set(ids)) == len(ids) and len(set(lineages)) == len(lineages):
        return
    placed = [
        (f"initiatives[{i}].milestones[{j}]", m)
        for i, initiative in enumerate(edition.initiatives)
        for j, m in enumerate(initiative.milestones)
    ]
    repeated_ids = tuple(_repeated("milestones", "id", [(path, m.id) for path, m in placed]))
    yield from repeated_ids
    # A repeated id repeats its default lineage too: say it once.
    said = {problem.path.removesuffix(".id") for problem in repeated_ids}
    lineages_at = [(path, m.lineage) for path, m in placed if path not in said or m.lineage != m.id]
    yield from _repeated("milestones", "lineage", lineages_at)


def _slug(path: str, value: str) -> Iterator[Problem]:
    if ID_PATTERN.fullmatch(value) is None:
        yield Problem(
            path,
            f"must be a slug of lowercase letters, digits and single hyphens (got {quoted(value)})",
        )


def _text(path: str, value: str) -> Iterator[Problem]:
    if not value.strip():
        yield Problem(path, "must not be empty")
    elif value != value.strip():
        yield Problem(path, f"must not start or end with spaces (got {quoted(value)})")
    yield from _storable(path, value)


def _storable(path: str, value: str) -> Iterator[Problem]:
    """Text that no file can store (a lone surrogate), or that outputs cannot show safely.

    Control characters (C0, DEL, C1: a terminal acts on escape sequences, a calendar
    file breaks at a NUL) and the bidirectional controls (they reorder what a reader
    sees) have no place in a schedule's text.
    """
    unsafe = UNSAFE_CHARACTERS.search(value)
    if unsafe is not None:
        code = ord(unsafe.group())
        kind = "a bidirectional control" if code > 0xFF else "a control character"  # noqa: PLR2004
        yield Problem(path, f"contains U+{code:04X}, {kind}: remove it")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = value[error.start]
        yield Problem(path, f"contains U+{ord(bad):04X}, a lone surrogate that no file can store")


def _names(path: str, values: Iterable[str]) -> Iterator[Problem]:
    for k, value in enumerate(values):
        yield from _text(f"{path}[{k}]", value)


def _month_or_day(path: str, period: Period, *, allow_span: bool) -> Iterator[Problem]:
    """An edition is as of a month or a day; its window is those or a span of them."""
    if period.precision in {Precision.MONTH, Precision.DAY}:
        return
    if allow_span and period.precision is Precision.SPAN:
        return
    wanted = (
        "a month, a day or a span of them (2021-11/2022-03)" if allow_span else "a month or a day"
    )
    yield Problem(path, f"must be {wanted} (got {quoted(str(period))})")


def _categories(edition: Edition) -> Iterator[Problem]:
    for k, category in enumerate(edition.categories):
        yield from _slug(f"categories[{k}].id", category.id)
        yield from _text(f"categories[{k}].name", category.name)
    yield from _repeated(
        "categories", "id", [(f"categories[{k}]", c.id) for k, c in enumerate(edition.categories)]
    )


def _footnotes(edition: Edition) -> Iterator[Problem]:
    previous = 0
    for k, note in enumerate(edition.footnotes):
        path = f"footnotes[{k}]"
        if note.number < 1:
            yield Problem(f"{path}.number", f"must be a positive number (got {note.number})")
        elif note.number == previous:
            yield Problem(f"{path}.number", f"footnote {note.number} is defined twice")
        elif note.number < previous:
            yield Problem(
                f"{path}.number",
                f"footnotes must be in ascending order ({note.number} comes after {previous})",
            )
        previous = max(previous, note.number)
        yield from _text(f"{path}.text", note.text)


def _references(path: str, numbers: tuple[int, ...], known: set[int]) -> Iterator[Problem]:
    for k, number in enumerate(numbers):
        if number not in known:
            yield Problem(f"{path}[{k}]", f"footnote {number} is not defined in footnotes")


def _initiative(
    path: str, initiative: Initiative, categories: set[str], notes: set[int]
) -> Iterator[Problem]:
    yield from _slug(f"{path}.id", initiative.id)
    yield from _text(f"{path}.name", initiative.name)
    if initiative.category is not None and initiative.category not in categories:
        yield Problem(
            f"{path}.category", f"unknown category {initiative.category!r}: not in categories"
        )
    yield from _names(f"{path}.aliases", initiative.aliases)
    yield from _references(f"{path}.footnotes", initiative.footnotes, notes)


def _milestone(
    i: int, j: int, milestone: Milestone, window: Period, notes: set[int]
) -> list[Problem]:
    """The problems of the ``j``-th milestone of the ``i``-th initiative.

    Written for the sound milestone, the common case of a large edition: each rule is
    one cheap test, and the path and message are spelled out only when a test fails.
    """
    found: list[Problem] = []
    when = milestone.when

    def at(key: str) -> str:
        return f"initiatives[{i}].milestones[{j}].{key}"

    if ID_PATTERN.fullmatch(milestone.id) is None:
        found += _slug(at("id"), milestone.id)
    if milestone.lineage != milestone.id and ID_PATTERN.fullmatch(milestone.lineage) is None:
        found += _slug(at("lineage"), milestone.lineage)
    if not clean(milestone.title):
        found += _text(at("title"), milestone.title)
    if when.text is not None and not encodes(when.text):
        found += _storable(at("when_text"), when.text)
    if isinstance(when, Period) and (when.end < window.start or when.start > window.end):
        found.append(Problem(at("when"), f"{when} lies outside the edition's window {window}"))
    if not notes.issuperset(milestone.footnotes):
        found += _references(at("footnotes"), milestone.footnotes, notes)
    for k, item in enumerate(milestone.sub_items):
        found += _sub_item(at, k, item, notes)
    return found


def _sub_item(at: Callable[[str], str], k: int, item: SubItem, notes: set[int]) -> list[Problem]:
    found: list[Problem] = []
    if not clean(item.text):
        found += _text(at(f"sub_items[{k}].text"), item.text)
    if not notes.issuperset(item.footnotes):
        found += _references(at(f"sub_items[{k}].footnotes"), item.footnotes, notes)
    return found


def _repeated(what: str, key: str, placed: list[tuple[str, str]]) -> Iterator[Problem]:
    counts = Counter(value for _, value in placed)
    seen: set[str] = set()
    for path, value in placed:
        if counts[value] > 1 and value in seen:
            yield Problem(
                f"{path}.{key}",
                f"{key} {value!r} is used by {counts[value]} {what}; each must be unique",
            )
        seen.add(value)
