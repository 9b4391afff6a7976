"""Hypothesis strategies for every model type, so you can test your own code too.

Needs Hypothesis (``pip install calaim-timeline[strategies]``). Every strategy
produces values the library accepts; :func:`editions` produces editions that
:func:`~calaim_timeline.validate.validate` finds sound: unique ids and lineages,
footnote references that resolve, known categories, milestones inside the window.

Examples:
    >>> from hypothesis import given
    >>> from calaim_timeline import validate
    >>> @given(editions())
    ... def test_my_report_accepts_any_edition(edition):
    ...     assert validate(edition) == ()
    >>> test_my_report_accepts_any_edition()
"""

from __future__ import annotations

from datetime import date
from typing import Final

import attrs
from hypothesis import strategies as st

from calaim_timeline._changes import AddReason, DropReason
from calaim_timeline.match import normalise
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
from calaim_timeline.period import Period, Precision

__all__ = [
    "WORDS",
    "Revision",
    "categories",
    "editions",
    "footnotes",
    "grid_editions",
    "initiatives",
    "milestone_kinds",
    "milestones",
    "mutations",
    "periods",
    "plain_values",
    "precisions",
    "revisions",
    "slugs",
    "sources",
    "statuses",
    "sub_items",
    "texts",
    "tweaked_documents",
    "windows",
]

_MIN: Final = date(1990, 1, 1)
_MAX: Final = date(2099, 12, 31)


def _month_at(day: date, offset: int) -> Period:
    """The month ``offset`` months after the month of ``day``."""
    year, month = divmod(day.year * 12 + day.month - 1 + offset, 12)
    return Period.month(year, month + 1)


def slugs() -> st.SearchStrategy[str]:
    """Ids as the library wants them: ``mot-carve-in-live``.

    Examples:
        >>> from hypothesis import find
        >>> find(slugs(), lambda slug: "-" in slug)
        '0-0'
    """
    word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6)
    return st.lists(word, min_size=1, max_size=4).map("-".join)


def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Titles, names and wording: one line, not empty, no surrounding spaces.

    Examples:
        >>> from hypothesis import find
        >>> find(texts(), lambda text: " " in text)
        '0 0'
    """
    return (
        st.text(
            st.characters(exclude_categories=["Cs"], exclude_characters="\n"),
            min_size=1,
            max_size=max_size,
        )
        .map(str.strip)
        .filter(bool)
    )


def precisions() -> st.SearchStrategy[Precision]:
    """Any precision.

    Examples:
        >>> from hypothesis import find
        >>> find(precisions(), lambda precision: precision.value == "span")
        <Precision.SPAN: 'span'>
    """
    return st.sampled_from(Precision)


def milestone_kinds() -> st.SearchStrategy[MilestoneKind | None]:
    """A milestone kind, or None for an unmarked milestone.

    Examples:
        >>> from hypothesis import find
        >>> find(milestone_kinds(), lambda kind: kind is None) is None
        True
    """
    return st.none() | st.sampled_from(MilestoneKind)


def statuses() -> st.SearchStrategy[Status]:
    """Planned or done.

    Examples:
        >>> from hypothesis import find
        >>> find(statuses(), lambda status: status.value == "done")
        <Status.DONE: 'done'>
    """
    return st.sampled_from(Status)


def _unit(precision: Precision, day: date) -> Period:
    if precision is Precision.DAY:
        return Period.day(day)
    if precision is Precision.MONTH:
        return Period.month(day.year, day.month)
    if precision is Precision.QUARTER:
        return Period.quarter(day.year, (day.month + 2) // 3)
    if precision is Precision.HALF:
        return Period.half(day.year, 1 if day.month <= 6 else 2)  # noqa: PLR2004 - June ends H1
    return Period.year(day.year)


@st.composite
def _periods(draw: st.DrawFn, within: Period | None, *, wording: bool) -> Period:
    low, high = (within.start, within.end) if within else (_MIN, _MAX)
    precision = draw(precisions())
    first = draw(st.dates(low, high))
    if precision is Precision.SPAN and low < high:
        last = draw(st.dates(low, high).filter(lambda d: d != first))
        period = Period.span(min(first, last), max(first, last))
    else:
        period = _unit(Precision.DAY if precision is Precision.SPAN else precision, first)
        if within is not None and not within.contains(period):
            period = Period.day(first)  # the unit sticks out of the window: keep the day
    text = draw(st.none() | texts(max_size=30)) if wording else None
    return period.with_text(text)


def periods(*, within: Period | None = None, wording: bool = True) -> st.SearchStrategy[Period]:
    """Periods of every precision, inside ``within`` when given, some with wording.

    Examples:
        >>> from hypothesis import find
        >>> from calaim_timeline import Period, Precision
        >>> half = Period.parse("2022-01/2022-06")
        >>> find(periods(within=half), lambda p: p.precision is Precision.QUARTER)
        Period('2022-Q1')
    """
    return _periods(within, wording=wording)


@st.composite
def windows(draw: st.DrawFn) -> Period:
    """An edition window: one month or a span of whole months.

    Examples:
        >>> from hypothesis import find
        >>> find(windows(), lambda window: window.precision.value == "span").precision
        <Precision.SPAN: 'span'>
    """
    year = draw(st.integers(_MIN.year, _MAX.year - 3))
    month = draw(st.integers(1, 12))
    first = Period.month(year, month)
    length = draw(st.integers(0, 24))
    return Period.months(first, _month_at(first.start, length)) if length else first


def footnotes() -> st.SearchStrategy[tuple[Footnote, ...]]:
    """An edition's footnotes: unique numbers in ascending order.

    Examples:
        >>> from hypothesis import find
        >>> [note.number for note in find(footnotes(), lambda notes: len(notes) > 2)]
        [1, 2, 3]
    """
    return st.lists(
        st.builds(Footnote, number=st.integers(1, 60), text=texts()),
        max_size=5,
        unique_by=lambda note: note.number,
    ).map(lambda notes: tuple(sorted(notes, key=lambda note: note.number)))


def _references(numbers: tuple[int, ...]) -> st.SearchStrategy[tuple[int, ...]]:
    if not numbers:
        return st.just(())
    return st.lists(st.sampled_from(numbers), max_size=2, unique=True).map(tuple)


def sub_items(*, footnote_numbers: tuple[int, ...] = ()) -> st.SearchStrategy[SubItem]:
    """Sub-bullets, referring only to ``footnote_numbers``.

    Examples:
        >>> from hypothesis import find
        >>> find(sub_items(footnote_numbers=(1, 2)), lambda item: len(item.footnotes) > 1).footnotes
        (1, 2)
    """
    return st.builds(
        SubItem,
        text=texts(),
        footnotes=_references(footnote_numbers),
        kind=milestone_kinds(),
    )


def milestones(
    *, within: Period | None = None, footnote_numbers: tuple[int, ...] = ()
) -> st.SearchStrategy[Milestone]:
    """Milestones with periods inside ``within``, referring only to ``footnote_numbers``.

    About a third carry a lineage other than their id.

    Examples:
        >>> from hypothesis import find
        >>> from calaim_timeline import Period
        >>> quarter = Period.parse("2022-Q1")
        >>> find(milestones(within=quarter), lambda m: True).when
        Period('2022-01-01')
    """
    return st.builds(
        Milestone,
        id=slugs(),
        title=texts(),
        kind=milestone_kinds(),
        when=periods(within=within),
        sub_items=st.lists(sub_items(footnote_numbers=footnote_numbers), max_size=2).map(tuple),
        footnotes=_references(footnote_numbers),
        status=statuses(),
    ).flatmap(
        lambda m: st.sampled_from((m.id, m.id, "lineage-" + m.id)).map(
            lambda lineage: attrs.evolve(m, lineage=lineage)
        )
    )


def categories() -> st.SearchStrategy[Category]:
    """A category.

    Examples:
        >>> from hypothesis import find
        >>> find(categories(), lambda category: True)
        Category(id='0', name='0')
    """
    return st.builds(Category, id=slugs(), name=texts())


def initiatives(
    *,
    category_ids: tuple[str, ...] = (),
    within: Period | None = None,
    footnote_numbers: tuple[int, ...] = (),
) -> st.SearchStrategy[Initiative]:
    """An initiative with milestones of unique ids and lineages.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=20)
        ... @given(initiatives(category_ids=("county",)))
        ... def test_ids_are_unique(initiative):
        ...     assert len({m.id for m in initiative.milestones}) == len(initiative.milestones)
        ...     assert initiative.category in (None, "county")
        >>> test_ids_are_unique()
    """
    return st.builds(
        Initiative,
        id=slugs(),
        name=texts(),
        category=st.none() | st.sampled_from(category_ids) if category_ids else st.none(),
        aliases=st.lists(texts(), max_size=2).map(tuple),
        footnotes=_references(footnote_numbers),
        milestones=st.lists(
            milestones(within=within, footnote_numbers=footnote_numbers),
            max_size=4,
            unique_by=(lambda m: m.id, lambda m: m.lineage),
        ).map(tuple),
    )


def sources() -> st.SearchStrategy[Source]:
    """Where an edition comes from.

    Examples:
        >>> from hypothesis import find
        >>> find(sources(), lambda source: source.url is not None)
        Source(document='0', url='0', notes=None)
    """
    return st.builds(Source, document=texts(), url=st.none() | texts(), notes=st.none() | texts())


def _unique_milestones(parts: list[Initiative]) -> bool:
    ids = [m.id for i in parts for m in i.milestones]
    lineages = [m.lineage for i in parts for m in i.milestones]
    return len(set(ids)) == len(ids) and len(set(lineages)) == len(lineages)


@st.composite
def editions(draw: st.DrawFn, *, max_initiatives: int = 5) -> Edition:
    """A sound edition: everything :func:`~calaim_timeline.validate.validate` checks holds.

    Examples:
        >>> from hypothesis import find
        >>> from calaim_timeline import validate
        >>> edition = find(editions(), lambda e: len(e.milestones()) > 2)
        >>> len(edition.milestones()), validate(edition)
        (3, ())
    """
    window = draw(windows())
    as_of = Period.month(window.start.year, window.start.month)
    notes = draw(footnotes())
    numbers = tuple(note.number for note in notes)
    groups = tuple(draw(st.lists(categories(), max_size=3, unique_by=lambda c: c.id)))
    parts = draw(
        st.lists(
            initiatives(
                category_ids=tuple(c.id for c in groups), within=window, footnote_numbers=numbers
            ),
            max_size=max_initiatives,
            unique_by=lambda i: i.id,
        ).filter(_unique_milestones)
    )
    return Edition(
        id=draw(slugs()),
        title=draw(texts()),
        as_of=as_of,
        window=window,
        publisher=draw(texts()),
        source=draw(sources()),
        categories=groups,
        initiatives=tuple(parts),
        footnotes=notes,
        excluded_initiatives=tuple(draw(st.lists(texts(), max_size=2))),
    )


WORDS: Final = tuple(
    """
    access adult agency allocation amendment application approval assessment
    authorization beneficiary benefit billing budget bulletin calendar capitation care
    carve certification children choice claims clinician coding community concurrent
    contract coordination county coverage criteria data deadline delivery demonstration
    dental deliverables design determination documentation draft eligibility enrollment
    evidence exchange facility federal fiscal foster funding gap guidance health
    homelessness hospital improvement incentive incarceration information initiative
    inpatient integration justice launch letter lead licensing managed manual measure
    medicaid medical member methodology mitigation model monitoring network notice organ
    outreach oversight packet parameters partnership payment performance phase pilot
    plan policy population portal premium prevention procurement program proposal
    provider psychiatric quality rate readiness recoupment referral regional release
    renewal report requirement residential review risk roadmap savings screening senior
    service services settlement specialty standards statewide strategy submission
    substance support system technical timeline transition transplant treatment update
    vendor waiver workforce workgroup
    """.split()  # noqa: SIM905 - a list of words reads best as text
)
"""Words for titles; titles cut from one shuffle of them share no word, so no two are alike."""

Edit = tuple[str, str | None, str | None, str | None]
"""An expected change: (change name, initiative id, milestone id, reason or None)."""

_OPS: Final = ("keep", "keep", "shift", "drop", "retitle", "retitle", "rekind", "move")


@attrs.frozen
class Revision:
    """An edition, a next edition derived from it, and the changes that derivation made.

    ``edits`` holds one (change, initiative, milestone, reason) per change, as a diff of
    ``old`` and ``new`` must report it: ids are the new edition's (the old one's for a
    drop), reason is the add or drop reason's value.

    Examples:
        >>> from hypothesis import find
        >>> revision = find(revisions(), lambda r: len(r.edits) > 1)
        >>> revision.old.id != revision.new.id
        True
    """

    old: Edition
    new: Edition
    edits: frozenset[Edit]


@attrs.define
class _Reviser:
    """The state of one derivation: fresh ids, unused words, and the edits made so far."""

    draw: st.DrawFn
    words: list[str]
    taken: set[str]
    window: Period
    edits: set[Edit] = attrs.Factory(set)

    def title(self) -> str:
        return " ".join(self.words.pop() for _ in range(3))

    def fresh(self, stem: str) -> str:
        candidate = f"{stem}-next"
        while candidate in self.taken:
            candidate += "-next"
        self.taken.add(candidate)
        return candidate

    def revise(
        self, milestone: Milestone, home: str, homes: list[str]
    ) -> tuple[str, Milestone] | None:
        """Apply one drawn edit to ``milestone``; None when it is dropped."""
        op = self.draw(st.sampled_from(_OPS))
        if op == "drop" or not milestone.when.overlaps(self.window):
            reason = DropReason.of(milestone.when, self.window).value
            self.edits.add(("milestone-dropped", home, milestone.id, reason))
            return None
        change = {
            "shift": "milestone-shifted",
            "retitle": "milestone-retitled",
            "rekind": "milestone-rekinded",
            "move": "milestone-moved",
        }.get(op)
        if op == "shift":
            old_when = milestone.when
            when = self.draw(periods(within=self.window).filter(lambda p: p != old_when))
            milestone = attrs.evolve(milestone, when=when)
        elif op == "retitle":  # a new id and lineage: matching has to find it by its title
            title = milestone.title.upper() if self.draw(st.booleans()) else milestone.title + "s"
            new_id = self.fresh(milestone.id)
            milestone = attrs.evolve(milestone, title=title, id=new_id, lineage=new_id)
        elif op == "rekind":
            kinds = [k for k in (None, *MilestoneKind) if k is not milestone.kind]
            milestone = attrs.evolve(milestone, kind=self.draw(st.sampled_from(kinds)))
        elif op == "move" and len(homes) > 1:
            home = self.draw(st.sampled_from([h for h in homes if h != home]))
        else:
            change = None
        if change is not None:
            self.edits.add((change, home, milestone.id, None))
        return home, milestone

    def add(self, home: str, milestone: Milestone, old_window: Period) -> Milestone:
        new_id = self.fresh("added")
        milestone = attrs.evolve(milestone, id=new_id, lineage=new_id, title=self.title())
        reason = AddReason.of(milestone.when, old_window).value
        self.edits.add(("milestone-added", home, new_id, reason))
        return milestone

    def rename(self, initiative: Initiative) -> Initiative:
        renamed = attrs.evolve(
            initiative, id=self.fresh(initiative.id), name=self.title(), aliases=(initiative.id,)
        )
        self.edits.add(("initiative-renamed", renamed.id, None, None))
        return renamed


def _retitled(base: Edition, words: list[str]) -> Edition:
    """``base`` with every name and title cut from ``words`` (and no aliases)."""

    def title() -> str:
        return " ".join(words.pop() for _ in range(3))

    return attrs.evolve(
        base,
        initiatives=tuple(
            attrs.evolve(
                i,
                name=title(),
                aliases=(),
                milestones=tuple(attrs.evolve(m, title=title()) for m in i.milestones),
            )
            for i in base.initiatives
        ),
    )


def _later(window: Period, months: int) -> Period:
    start = _month_at(window.start, months)
    if window.precision is Precision.MONTH:
        return start
    return Period.months(start, _month_at(window.end, months))


@st.composite
def revisions(draw: st.DrawFn) -> Revision:
    """An edition and a next edition derived from it, with the changes made.

    Milestones are shifted, added, dropped, retitled, rekinded and moved, initiatives
    renamed, and the window sometimes moved later (dropping what it leaves behind).
    Titles are cut from one shuffle of :data:`WORDS`, so that each edit has exactly one
    right reading; retitled milestones get new ids and lineages, so that matching must
    find them by their titles.

    Examples:
        >>> from hypothesis import given, settings
        >>> from calaim_timeline.diff import diff
        >>> @settings(max_examples=10)
        ... @given(revisions())
        ... def test_apply_rebuilds_the_new_edition(revision):
        ...     assert diff(revision.old, revision.new).apply(revision.old) == revision.new
        >>> test_apply_rebuilds_the_new_edition()
    """
    words = list(draw(st.permutations(WORDS)))
    old = _retitled(draw(editions(max_initiatives=4)), words)
    ids = {x for i in old.initiatives for m in i.milestones for x in (i.id, m.id, m.lineage)}
    window = _later(old.window, draw(st.integers(0, 3)))
    reviser = _Reviser(draw, words, ids | {i.id for i in old.initiatives}, window)
    if window != old.window:
        reviser.edits.add(("window-changed", None, None, None))
    homes = [i.id for i in old.initiatives]
    kept: dict[str, list[Milestone]] = {home: [] for home in homes}
    for initiative in old.initiatives:
        for milestone in initiative.milestones:
            revised = reviser.revise(milestone, initiative.id, homes)
            if revised is not None:
                kept[revised[0]].append(revised[1])
    notes = tuple(n.number for n in old.footnotes)
    added = st.tuples(st.sampled_from(homes), milestones(within=window, footnote_numbers=notes))
    for home, milestone in draw(st.lists(added, max_size=3)) if homes else []:
        kept[home].append(reviser.add(home, milestone, old.window))
    renamed = {}
    built = []
    for initiative in old.initiatives:
        changed = attrs.evolve(initiative, milestones=tuple(kept[initiative.id]))
        if draw(st.booleans()):
            changed = reviser.rename(changed)
            renamed[initiative.id] = changed.id
        built.append(changed)
    new = attrs.evolve(
        old,
        id=reviser.fresh(old.id),
        as_of=Period.month(window.start.year, window.start.month),
        window=window,
        initiatives=tuple(built),
    )
    edits = frozenset(
        (change, home if change == "milestone-dropped" else renamed.get(home or "", home), mid, why)
        for change, home, mid, why in reviser.edits
    )
    return Revision(old=old, new=new, edits=edits)


def _grid_texts() -> st.SearchStrategy[str]:
    """Texts a grid keeps exactly: words in single spaces, with at least one letter or digit."""
    words = st.text(st.characters(categories=("L", "N", "P", "S")), min_size=1, max_size=8)
    return (
        st.lists(words, min_size=1, max_size=5)
        .map(" ".join)
        .filter(lambda t: normalise(t) and "These include:" not in t)
    )


@st.composite
def grid_editions(draw: st.DrawFn) -> Edition:
    """Editions the month-grid table shows exactly (for testing the table importer).

    Every milestone falls in a month of the window and keeps no wording, initiatives
    come grouped by category in category order, titles are distinct within their
    initiative (once normalised), and the publisher and source are those the importer
    writes.

    Examples:
        >>> from hypothesis import find
        >>> from calaim_timeline.render.grid import GridMarkdown
        >>> from calaim_timeline.importers import import_table
        >>> edition = find(grid_editions(), lambda e: len(e.milestones()) > 1)
        >>> table = GridMarkdown()(edition)
        >>> import_table(
        ...     table, edition_id=edition.id, source="calendar.md", previous=edition
        ... ) == edition
        True
    """
    from calaim_timeline.importers.dhcs_table import IMPORT_NOTES, PUBLISHER  # noqa: PLC0415

    window = draw(windows())
    as_of = Period.month(window.start.year, window.start.month)
    notes = draw(
        st.lists(
            st.builds(Footnote, number=st.integers(1, 40), text=_grid_texts()),
            max_size=4,
            unique_by=lambda n: n.number,
        ).map(lambda found: tuple(sorted(found, key=lambda n: n.number)))
    )
    numbers = tuple(n.number for n in notes)
    groups = tuple(
        draw(
            st.lists(
                st.builds(Category, id=slugs(), name=_grid_texts()),
                max_size=3,
                unique_by=(lambda c: c.id, lambda c: normalise(c.name)),
            )
        )
    )
    month_of = st.builds(lambda k: _month_at(window.start, k), st.integers(0, _length(window) - 1))
    grid_milestones = st.builds(
        Milestone,
        id=slugs(),
        title=_grid_texts(),
        kind=milestone_kinds(),
        when=month_of,
        sub_items=st.lists(
            st.builds(
                SubItem, text=_grid_texts(), footnotes=_references(numbers), kind=milestone_kinds()
            ),
            max_size=2,
        ).map(tuple),
        footnotes=_references(numbers),
    )
    homes = [None, *(c.id for c in groups)]
    parts = draw(
        st.lists(
            st.builds(
                Initiative,
                id=slugs(),
                name=_grid_texts(),
                category=st.sampled_from(homes),
                aliases=st.lists(slugs().map(lambda s: f"former {s}"), max_size=1).map(tuple),
                footnotes=_references(numbers),
                milestones=st.lists(
                    grid_milestones,
                    max_size=4,
                    unique_by=(lambda m: m.id, lambda m: normalise(m.title)),
                ).map(lambda found: tuple(sorted(found, key=lambda m: m.when))),
            ),
            max_size=4,
            unique_by=(lambda i: i.id, lambda i: normalise(i.name)),
        ).filter(_grid_identities)
    )
    ordered = tuple(sorted(parts, key=lambda i: homes.index(i.category)))
    return Edition(
        id=draw(slugs()),
        title=f"CalAIM Milestones Calendar as of {as_of.start.strftime('%B %Y')}",
        as_of=as_of,
        window=window,
        publisher=PUBLISHER,
        source=Source(document="calendar.md", notes=IMPORT_NOTES),
        categories=groups,
        initiatives=ordered,
        footnotes=notes,
    )


def _length(window: Period) -> int:
    return (window.end.year - window.start.year) * 12 + window.end.month - window.start.month + 1


def _grid_identities(parts: list[Initiative]) -> bool:
    """Milestone ids and lineages unique across the edition, and no alias naming another."""
    ids = [m.id for i in parts for m in i.milestones]
    names = {normalise(i.name) for i in parts} | {i.id for i in parts}
    aliases = {normalise(a) for i in parts for a in i.aliases} | {
        a for i in parts for a in i.aliases
    }
    return len(set(ids)) == len(ids) and not names & aliases


# Fuzzing: damaged documents, for testing that every bad input gets a clear error.

_EDITS: Final = ("delete", "insert", "replace", "drop-line", "double-line", "swap-lines", "cut")


@st.composite
def _edit(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    edit = draw(st.sampled_from(_EDITS))
    at = draw(st.integers(0, len(text)))
    row = draw(st.integers(0, len(lines) - 1))
    if edit == "delete":
        text = text[:at] + text[at + draw(st.integers(1, 20)) :]
    elif edit == "insert":
        text = text[:at] + draw(st.text(min_size=1, max_size=8)) + text[at:]
    elif edit == "replace":
        text = text[:at] + draw(st.characters()) + text[at + 1 :]
    elif edit == "cut":
        text = text[:at]
    else:
        if edit == "drop-line":
            del lines[row]
        elif edit == "double-line":
            lines.insert(row, lines[row])
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[row], lines[other] = lines[other], lines[row]
        text = "\n".join(lines)
    return text


@st.composite
def _mutations(draw: st.DrawFn, text: str, max_edits: int) -> str:
    for _ in range(draw(st.integers(1, max_edits))):
        text = draw(_edit(text))
    return text


def mutations(text: str, *, max_edits: int = 3) -> st.SearchStrategy[str]:
    """``text`` damaged by 1 to ``max_edits`` edits, as hand edits and converters do.

    Each edit deletes or inserts a few characters, replaces one, drops, doubles or
    swaps lines, or cuts the text short. Feed the result to a reader to check that
    it either reads the text or raises a
    :class:`~calaim_timeline.errors.CalaimTimelineError`, nothing else:

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline import CalaimTimelineError, Period
        >>> @given(mutations("2022-01/2022-03"))
        ... def test_periods_fail_cleanly(text):
        ...     try:
        ...         Period.parse(text)
        ...     except CalaimTimelineError:
        ...         pass
        >>> test_periods_fail_cleanly()
    """
    return _mutations(text, max_edits)


def plain_values() -> st.SearchStrategy[object]:
    """Any value a JSON or TOML document can hold: tables, lists, text, numbers, dates.

    Examples:
        >>> from hypothesis import find
        >>> find(plain_values(), lambda v: isinstance(v, dict) and len(v) > 1) is not None
        True
    """
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=10)
        | st.dates()
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    )


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _replaced(value: object, path: tuple[object, ...], new: object) -> object:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {k: _replaced(v, rest, new) if k == head else v for k, v in value.items()}
    assert isinstance(value, list)  # noqa: S101 - _paths only walks dicts and lists
    return [_replaced(v, rest, new) if i == head else v for i, v in enumerate(value)]


@st.composite
def _tweaked(draw: st.DrawFn, document: object) -> object:
    path = draw(st.sampled_from(_paths(document)))
    return _replaced(document, path, draw(plain_values()))


def tweaked_documents(document: object) -> st.SearchStrategy[object]:
    """``document`` (plain dicts and lists) with one value anywhere replaced by any value.

    For checking that a reader of structured documents names what is wrong instead
    of crashing: :func:`~calaim_timeline.codec.from_dict` of the result returns an
    edition or raises our error.

    Examples:
        >>> from hypothesis import find
        >>> original = {"id": "a", "n": 1}
        >>> find(tweaked_documents(original), lambda d: isinstance(d, dict) and d != original)
        {'id': None, 'n': 1}
    """
    return _tweaked(document)
