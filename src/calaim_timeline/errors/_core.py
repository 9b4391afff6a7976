"""The exceptions of calaim-timeline but those of files (``_files``): see the package."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from calaim_timeline._counting import counted
from calaim_timeline._reporting import Problem, excerpt, heading

__all__ = [
    "BadCellsError",
    "CalaimTimelineError",
    "ChartError",
    "DiffError",
    "EditionNotFoundError",
    "ExtraMissingError",
    "FootnoteNotFoundError",
    "GridError",
    "KindMarkError",
    "MilestoneNotFoundError",
    "NotFoundError",
    "OptionError",
    "ParseError",
    "PeriodError",
    "Problem",
    "SnapshotError",
    "UnknownChangeError",
    "ValidationError",
    "format_errors",
]


class CalaimTimelineError(Exception):
    """The root of every error raised by calaim-timeline.

    Examples:
        >>> from calaim_timeline import Period
        >>> try:
        ...     Period.parse("someday")
        ... except CalaimTimelineError as error:
        ...     print(type(error).__name__)
        PeriodError
    """

    def lines(self) -> tuple[str, ...]:
        """One line per problem, as the command line prints them."""
        return (str(self),)

    def __str__(self) -> str:
        """The message as written (a ``KeyError`` would quote it, an ``OSError`` rewrite it)."""
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()


class PeriodError(CalaimTimelineError, ValueError):
    """Text that is not a period this library can represent exactly.

    Examples:
        >>> from calaim_timeline import Period
        >>> Period.parse("2022-Q5")
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.PeriodError: invalid period '2022-Q5': quarter must be Q1 to Q4
    """


class ValidationError(CalaimTimelineError, ValueError):
    """Every problem of one edition, reported together.

    Examples:
        >>> error = ValidationError("a.toml", [Problem("id", "must not be empty"),
        ...                                    Problem("title", "must not be empty")])
        >>> str(error)
        'a.toml: 2 problems: id: must not be empty; title: must not be empty'
        >>> error.lines()
        ('a.toml: id: must not be empty', 'a.toml: title: must not be empty')
    """

    def __init__(self, source: str | None, problems: Iterable[Problem]) -> None:
        """Group ``problems`` found in ``source`` (a file name, or None)."""
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        where = f"{self.source}: " if self.source else ""
        said = "; ".join(map(str, self.problems))
        return f"{where}{counted(len(self.problems), 'problem')}: {said}"

    def lines(self) -> tuple[str, ...]:
        """One line per problem, each prefixed with the source when known."""
        where = f"{self.source}: " if self.source else ""
        return tuple(f"{where}{p}" for p in self.problems)


class ParseError(CalaimTimelineError, ValueError):
    """Text that cannot be read, with where and what.

    Carries the source name, the line and column (1-based) and the text of the line;
    ``str()`` shows that line with a marker under the bad span, and ``lines()`` gives
    the one line the command line prints first.

    Examples:
        >>> print(ParseError("unknown kind mark '#'", source="c.md", line=12, column=9,
        ...                  text="| x | • Launch# |", length=1))
        c.md:12:9: unknown kind mark '#'
            | x | • Launch# |
                    ^
    """

    def __init__(  # noqa: PLR0913 - where an error is takes this many facts
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        text: str | None = None,
        length: int = 1,
        path: str = "",
    ) -> None:
        """What is wrong, and where (``column`` 1-based, ``path`` inside a document)."""
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.text = text
        self.length = max(length, 1)
        self.path = path
        super().__init__(self._render())

    def _head(self) -> str:
        return heading(self.source, self.line, self.column, self.path, self.message)

    def excerpt(self) -> tuple[str, ...]:
        """The offending line, indented, and the marker under it (empty if no text)."""
        return () if self.text is None else excerpt(self.text, self.column, self.length)

    def _render(self) -> str:
        return "\n".join((self._head(), *self.excerpt()))

    def lines(self) -> tuple[str, ...]:
        """One line: where and what, without the excerpt."""
        return (self._head(),)


class BadCellsError(ParseError):
    """Several places that cannot be read, reported at once (every bad cell of a table).

    It is the first error (its place and excerpt), and ``errors`` holds them all;
    ``lines()`` gives one line per error and ``str()`` each with its excerpt.

    Examples:
        >>> both = BadCellsError([ParseError("no title in this row", source="g.csv", line=3),
        ...                     ParseError("cannot read 'Soon' as a date", source="g.csv",
        ...                                line=5)])
        >>> both.lines()
        ('g.csv:3: no title in this row', "g.csv:5: cannot read 'Soon' as a date")
    """

    def __init__(self, errors: Sequence[ParseError]) -> None:
        """All of ``errors`` (at least one), the first standing for them."""
        self.errors = tuple(errors)
        first = self.errors[0]
        super().__init__(
            first.message,
            source=first.source,
            line=first.line,
            column=first.column,
            text=first.text,
            length=first.length,
            path=first.path,
        )

    def _render(self) -> str:
        return "\n".join(error._render() for error in self.errors)  # noqa: SLF001 - one class

    def lines(self) -> tuple[str, ...]:
        """One line per error: where and what."""
        return tuple(line for error in self.errors for line in error.lines())


class SnapshotError(ParseError):
    r"""A snapshot file that cannot be read: not TOML/JSON, or not an edition.

    Names the file, the line and column where the parser gives them (with the line's
    text), and the path inside the document where the structure is wrong.

    A document whose structure is wrong in several places has them all in ``problems``
    (each a :class:`Problem` with its path), the first standing for them; ``lines()``
    gives one line per problem, as for a :class:`ValidationError`.

    Examples:
        >>> print(SnapshotError("expected a string (got int 3)", source="a.toml", path="title"))
        a.toml: title: expected a string (got int 3)
        >>> from calaim_timeline import loads
        >>> try:
        ...     loads('id = "x"\ntitle = 3\nwindow = "2022"', source="a.toml")
        ... except SnapshotError as error:
        ...     print(*error.problems, sep="\n")
        title: must be a string (got int 3)
        as_of: required field missing
        publisher: required field missing
        source: required field missing
    """

    _every: tuple[Problem, ...] = ()

    @classmethod
    def of(cls, problems: Sequence[Problem], *, source: str | None = None) -> SnapshotError:
        """The error of a document with these structural ``problems`` (at least one).

        Examples:
            >>> missing = [Problem(key, "required field missing") for key in ("id", "title")]
            >>> SnapshotError.of(missing, source="a.toml").lines()
            ('a.toml: id: required field missing', 'a.toml: title: required field missing')
        """
        first = problems[0]
        error = cls(first.message, source=source, path=first.path)
        error._every = tuple(problems)
        error.args = (error._render(),)
        return error

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every structural problem of the document, each with its path; the first is this."""
        return self._every or (Problem(self.path, self.message),)

    def _render(self) -> str:
        return super()._render() if len(self.problems) == 1 else "\n".join(self.lines())

    def lines(self) -> tuple[str, ...]:
        """One line per problem: where and what."""
        if len(self.problems) == 1:
            return super().lines()
        return tuple(heading(self.source, None, None, p.path, p.message) for p in self.problems)


class NotFoundError(CalaimTimelineError, KeyError):
    """Something asked for by its id or number that is not there; also a ``KeyError``.

    Examples:
        >>> str(NotFoundError("no edition '2030-01'"))
        "no edition '2030-01'"
    """


class EditionNotFoundError(NotFoundError):
    """An edition id that no snapshot in the archive has.

    Examples:
        >>> from calaim_timeline import Archive
        >>> try:
        ...     Archive.bundled()["2030-01"]
        ... except EditionNotFoundError as error:
        ...     print(error)
        no edition '2030-01' in ... (editions: 2021-01, 2021-11)
    """


class MilestoneNotFoundError(NotFoundError):
    """A reference that names no milestone, or more than one.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> try:
        ...     Timeline(Archive.bundled().editions).find("no-such-milestone")
        ... except MilestoneNotFoundError as error:
        ...     print(error)
        no milestone has the id, lineage or a title containing 'no-such-milestone'
    """


class FootnoteNotFoundError(NotFoundError):
    """A footnote number the edition does not define (``Edition.footnote``).

    Examples:
        >>> from calaim_timeline import Archive
        >>> try:
        ...     Archive.bundled()["2021-11"].footnote(99)
        ... except KeyError as error:
        ...     print(error)
        edition '2021-11' has no footnote 99 (footnotes: 1 to 15)
    """


class KindMarkError(CalaimTimelineError, ValueError):
    """A mark that is not one of the kind marks ``*``, ``^``, ``+``.

    Examples:
        >>> from calaim_timeline import MilestoneKind
        >>> try:
        ...     MilestoneKind.from_mark("x")
        ... except KindMarkError as error:
        ...     print(error)
        unknown kind mark 'x': expected one of '*', '^', '+'
    """


class DiffError(CalaimTimelineError, ValueError):
    """A diff that cannot be applied to the edition it was given.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.diffing import diff
        >>> archive = Archive.bundled()
        >>> try:
        ...     diff(archive["2021-01"], archive["2021-11"]).apply(archive["2021-11"])
        ... except DiffError as error:
        ...     print(error)
        the diff is from edition '2021-01', which is not the edition given ('2021-11')
    """


class UnknownChangeError(CalaimTimelineError, ValueError):
    """A change name that is not one of ``CHANGE_NAMES`` (in a filter, for instance).

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.diffing import diff
        >>> changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
        >>> try:
        ...     changes.filter(changes=["milestone-slipped"])
        ... except UnknownChangeError as error:
        ...     print(str(error)[:60])
        unknown change name 'milestone-slipped': expected one of win
    """


class OptionError(CalaimTimelineError, ValueError, TypeError):
    """An argument the call cannot take: a wrong type, a format name, a threshold out of range.

    Refused at the call, so that a slip never passes silently ("JSON" is read as "json";
    "yaml" is this error, where it once wrote TOML).

    Examples:
        >>> from calaim_timeline import DiffOptions
        >>> try:
        ...     DiffOptions(threshold=500)
        ... except OptionError as error:
        ...     print(error)
        threshold must be a number from 0 to 100 (got 500)
    """


class GridError(CalaimTimelineError, ValueError):
    r"""An edition the month grid cannot show exactly.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.render.grid import GridMarkdown
        >>> try:
        ...     GridMarkdown()(Archive.bundled()["2021-01"])
        ... except GridError as error:
        ...     print(error.args[0].replace(": ", ":\n"))
        cross-initiative-milestones/waiver-renewal-public-comment:
        a grid cannot show the wording 'during these months' of its period
    """


class ChartError(CalaimTimelineError, RuntimeError):
    """A chart that cannot be drawn: matplotlib missing, or a file type it cannot write.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> from calaim_timeline.render.chart import TrendChart
        >>> story = Timeline(Archive.bundled().editions).find("mot-carve-in-live")
        >>> TrendChart()(story, "chart.pdf")
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.ChartError: cannot draw a chart as '.pdf': use .svg or .png
    """


class ExtraMissingError(CalaimTimelineError, ImportError):
    """An output that needs an optional extra which is not installed; says how to install it.

    Examples:
        >>> print(ExtraMissingError("writing .xlsx", "openpyxl", "xlsx"))
        writing .xlsx needs openpyxl: pip install 'calaim-timeline[xlsx]'
    """

    def __init__(self, what: str, library: str, extra: str) -> None:
        """Name what was asked (``what``), the ``library`` it needs and the ``extra`` to install."""
        self.extra = extra
        super().__init__(f"{what} needs {library}: pip install 'calaim-timeline[{extra}]'")


def format_errors(error: BaseException) -> tuple[str, ...]:
    """Lines that describe ``error``: one per problem for our errors.

    Examples:
        >>> format_errors(ValidationError("a.toml", [Problem("id", "must not be empty")]))
        ('a.toml: id: must not be empty',)
    """
    if isinstance(error, CalaimTimelineError):
        return error.lines()
    return (f"{type(error).__name__}: {error}",)
