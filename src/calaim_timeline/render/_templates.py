"""The page templates (Jinja2, the ``report`` extra's), loaded from the package."""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from typing import TYPE_CHECKING

from calaim_timeline.errors import ExtraMissingError

if TYPE_CHECKING:
    import jinja2

__all__ = ["templates"]


def templates(what: str) -> jinja2.Environment:
    """The templates' environment, escaping every value; ``what`` names the output wanted.

    Raises :class:`~calaim_timeline.errors.ExtraMissingError` naming ``what`` when
    Jinja2 is not installed.
    """
    if find_spec("jinja2") is None:
        raise ExtraMissingError(what, "Jinja2", "report")
    return _environment()


@cache
def _environment() -> jinja2.Environment:
    import jinja2  # noqa: PLC0415 - the report extra's, and only here

    return jinja2.Environment(
        loader=jinja2.PackageLoader("calaim_timeline.render", "templates"),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
