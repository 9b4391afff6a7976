"""The command line's argument types and help: each value read, or a usage error."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, NoReturn

from calaim_timeline._commands import PROG

if TYPE_CHECKING:
    from calaim_timeline.period import Period

__all__ = [
    "FULL",
    "NO_TERMS",
    "Help",
    "Parents",
    "Parser",
    "Version",
    "as_of",
    "columns",
    "day",
    "edition_id",
    "link",
    "month_of_year",
    "months_count",
    "one_line",
    "reading",
    "threshold",
    "uri",
]


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"must be a date such as 2022-01-15 (got {text!r})"
        raise argparse.ArgumentTypeError(msg) from None


def as_of(text: str) -> Period:
    """A month (``2022-03``) or a day (``2020-04-07``): what an edition is as of."""
    from calaim_timeline.errors import PeriodError  # noqa: PLC0415
    from calaim_timeline.period import Period, Precision  # noqa: PLC0415

    if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", text):
        try:
            found = Period.parse(text)
        except PeriodError:
            pass
        else:
            if found.precision in {Precision.MONTH, Precision.DAY}:
                return found
    msg = f"must be a month such as 2022-03 or a day such as 2020-04-07 (got {text!r})"
    raise argparse.ArgumentTypeError(msg)


def months_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 120:  # noqa: PLR2004 - ten years at most
        msg = f"must be a number of months from 1 to 120 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 100:  # noqa: PLR2004 - similarity is a percentage
        msg = f"must be a number from 0 to 100 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return value


def columns(text: str) -> dict[str, str]:
    """``title=What,date=When``: a list table's columns by role, title and date needed."""
    from calaim_timeline.importers.lists import ROLES  # noqa: PLC0415 - only when given

    pairs = [part.partition("=") for part in text.split(",")]
    given = {role.strip().lower(): header.strip() for role, _, header in pairs}
    good = all(sep and header.strip() for _, sep, header in pairs) and len(given) == len(pairs)
    if not good or not set(given) <= set(ROLES) or not {"title", "date"} <= set(given):
        msg = (
            "must be ROLE=HEADER pairs separated by commas, with title and date (roles: title,"
            f" date, initiative, kind, status), such as title=What,date=When (got {text!r})"
        )
        raise argparse.ArgumentTypeError(msg)
    return given


def month_of_year(text: str) -> int:
    """A month by its number (1 to 12) or its name: ``7``, ``July``, ``Jul``."""
    from calaim_timeline.importers import month_number  # noqa: PLC0415

    found = int(text) if text.isdigit() else month_number(text)
    if found is None or not 1 <= found <= 12:  # noqa: PLR2004 - months of the year
        msg = f"must be a month, 1 to 12 or its name, such as 7 or July (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return found


class Parser(argparse.ArgumentParser):
    """A parser whose usage error is one line on stderr, naming the help to read, and exit 2.

    Examples:
        >>> Parser(prog="calaim-timeline ics").error("argument --name: must be one line")
        Traceback (most recent call last):
        ...
        SystemExit: 2
    """

    def error(self, message: str) -> NoReturn:
        """Print ``PROG: error: MESSAGE (see PROG --help)`` and exit 2."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


class Version(argparse.Action):
    """``--version``: the installed distribution's version (looked up only when asked)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,  # noqa: ARG002 - argparse's signature
        values: object,  # noqa: ARG002
        option_string: str | None = None,  # noqa: ARG002
    ) -> None:
        """Print ``calaim-timeline VERSION`` and exit 0."""
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        sys.stdout.write(f"{PROG} {version('calaim-timeline')}\n")
        parser.exit()


def edition_id(text: str) -> str:
    from calaim_timeline.validation import ID_PATTERN  # noqa: PLC0415

    if ID_PATTERN.fullmatch(text) is None:
        msg = f"must be a slug such as 2022-03: lowercase letters, digits, hyphens (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return text


MAX_OPTION_TEXT = 200
"""The longest text an option that reaches an output may hold (a title, a name, a link)."""


def one_line(text: str) -> str:
    r"""Text that goes into an output as it is: one line, no control characters, not padded.

    Examples:
        >>> one_line("CalAIM milestones")
        'CalAIM milestones'
        >>> one_line("a\nb")
        Traceback (most recent call last):
        ...
        argparse.ArgumentTypeError: must be one line, without control characters (got 'a\nb')
    """
    from calaim_timeline._values import encodes  # noqa: PLC0415 - when used

    shown = _shown(text)
    # The edition's own rule for text (no control or bidi character, no lone surrogate),
    # and no line or paragraph separator; a no-break space is text, as in a pasted title.
    if not encodes(text) or "\u2028" in text or "\u2029" in text:
        msg = f"must be one line, without control characters (got {shown})"
        raise argparse.ArgumentTypeError(msg)
    if not text.strip() or text.strip() != text:
        msg = f"must be text, without spaces around it (got {shown})"
        raise argparse.ArgumentTypeError(msg)
    if len(text) > MAX_OPTION_TEXT:
        msg = f"must be at most {MAX_OPTION_TEXT} characters (got {len(text):,})"
        raise argparse.ArgumentTypeError(msg)
    return text


def uri(text: str) -> str:
    """An absolute URI without spaces, such as ``urn:calaim:feed`` or ``https://…``.

    Examples:
        >>> uri("urn:calaim-timeline:calaim-milestones")
        'urn:calaim-timeline:calaim-milestones'
    """
    return _fits(_URI, one_line(text), "an absolute URI, such as urn:example:feed")


def link(text: str) -> str:
    """An http or https address, such as ``https://example.org/calendar``.

    Examples:
        >>> link("javascript:alert(1)")
        Traceback (most recent call last):
        ...
        argparse.ArgumentTypeError: must be an http or https address (got 'javascript:alert(1)')
    """
    return _fits(_LINK, uri(text), "an http or https address")


def _fits(pattern: re.Pattern[str], text: str, wanted: str) -> str:
    """``text``, if the whole of it is what ``pattern`` matches; else a usage error."""
    if pattern.fullmatch(text) is None:
        msg = f"must be {wanted} (got {_shown(text)})"
        raise argparse.ArgumentTypeError(msg)
    return text


def _shown(text: str) -> str:
    """The text as a message quotes it: its repr, cut to 40 characters."""
    from calaim_timeline._values import describe  # noqa: PLC0415 - when used

    return describe(text).removeprefix("str ")


_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]+")
_LINK = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)


FULL = "list every footnote and editorial change in full (the digest folds them)"
NO_TERMS = "leave out the explanation of the terms the report uses, at its end"


class Help(argparse.HelpFormatter):
    """Help that shows every default an option has (a flag's, or "none", aside)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        shown = (
            default not in {None, argparse.SUPPRESS} and action.option_strings and action.nargs != 0
        )
        if shown and "default" not in text:
            text += (" " if text else "") + "(default: %(default)s)"
        return text


def reading() -> Parser:
    """The options of reading a source, shared by import-table and import-history."""
    reading = Parser(add_help=False)
    reading.add_argument(
        "--columns",
        type=columns,
        metavar="MAP",
        help="a list table's columns by their headers: title=HEADER,date=HEADER"
        "[,initiative=HEADER][,kind=HEADER][,status=HEADER]",
    )
    reading.add_argument(
        "--fiscal-year-start",
        type=month_of_year,
        default=7,
        metavar="MONTH",
        help="the month a fiscal year starts, for dates such as FY 2024-25 (default: 7, July,"
        " California's)",
    )
    reading.add_argument(
        "--section",
        type=one_line,
        metavar="HEADING",
        help="read only the part of a markdown, reST or text file under this heading",
    )
    return reading


class Parents(NamedTuple):
    """The option groups that several commands share (each a parser without help)."""

    snapshots: Parser
    matching: Parser
    series: Parser
    reading: Parser
