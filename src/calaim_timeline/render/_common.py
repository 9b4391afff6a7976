"""What the renderers share: the order of sections and the way marks are shown."""

from __future__ import annotations

from collections.abc import Iterator

from calaim_timeline.model import Category, Edition, Initiative, MilestoneKind

__all__ = ["KEY", "footnote_refs", "mark", "sections"]

KEY = "* document release   ^ submission deadline   + program launch"


def mark(kind: MilestoneKind | None) -> str:
    """The kind's symbol, or a space when the source gives none."""
    return kind.mark if kind is not None else " "


def footnote_refs(numbers: tuple[int, ...]) -> str:
    """``[11,12]`` for footnote references, empty for none."""
    return f"[{','.join(str(n) for n in numbers)}]" if numbers else ""


def sections(edition: Edition) -> Iterator[tuple[Category | None, tuple[Initiative, ...]]]:
    """The initiatives grouped by category, in the edition's order.

    Initiatives without a category come first, as the calendar lists them; a category
    with no initiatives is left out.
    """
    loose = tuple(i for i in edition.initiatives if i.category is None)
    if loose:
        yield None, loose
    for category in edition.categories:
        members = tuple(i for i in edition.initiatives if i.category == category.id)
        if members:
            yield category, members
