"""Ids for an imported edition: the previous edition's where the matcher pairs, else slugs."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import attrs

from calaim_timeline.matching import match, normalise
from calaim_timeline.model import Category, Edition, Initiative, Milestone

__all__ = ["assign_ids", "slug"]

_MAX_WORDS: Final = 6
_MAX_LENGTH: Final = 48


def slug(text: str) -> str:
    """A readable id from text: ASCII words, lowercase, at most six words.

    Examples:
        >>> slug("Final Approval of MCP Deliverables List re: Transition Readiness")
        'final-approval-of-mcp-deliverables-list'
        >>> slug("Governor’s budget (2022–2023)")
        'governor-s-budget-2022-2023'
    """
    words = [
        folded
        for word in re.findall(r"[^\W_]+", unicodedata.normalize("NFKD", text))
        if (folded := word.encode("ascii", "ignore").decode().lower())
    ][:_MAX_WORDS]
    found = "-".join(words)[:_MAX_LENGTH].strip("-")
    return found or "item"


def _unique(stem: str, taken: set[str]) -> str:
    candidate, count = stem, 1
    while candidate in taken:
        count += 1
        candidate = f"{stem}-{count}"
    taken.add(candidate)
    return candidate


def assign_ids(draft: Edition, previous: Edition | None, *, threshold: float) -> Edition:
    """Give ``draft`` (whose ids are placeholders) its final ids.

    Categories keep the previous id of the same normalised name; initiatives and
    milestones the matcher pairs with the previous edition keep its ids, lineages and
    aliases; everything else gets a slug that no id or lineage of either edition uses,
    so that a later diff cannot mistake a new milestone for an old one.
    """
    taken: set[str] = set()
    categories = _categories(draft, previous)
    renamed = {c.id: new.id for c, new in zip(draft.categories, categories, strict=True)}
    initiative_ids: dict[str, Initiative] = {}
    milestone_ids: dict[str, Milestone] = {}
    if previous is not None:
        taken |= {x for i, m in previous.milestones for x in (i.id, m.id, m.lineage)}
        taken |= {i.id for i in previous.initiatives}
        found = match(previous, draft, threshold=threshold)
        initiative_ids = {p.new.id: p.old for p in found.initiatives}
        milestone_ids = {p.new.id: p.old for p in found.milestones}
    initiatives = []
    for initiative in draft.initiatives:
        before = initiative_ids.get(initiative.id)
        milestones = []
        for milestone in initiative.milestones:
            old = milestone_ids.get(milestone.id)
            if old is None:
                new_id = _unique(slug(milestone.title), taken)
                milestones.append(attrs.evolve(milestone, id=new_id, lineage=new_id))
            else:
                milestones.append(attrs.evolve(milestone, id=old.id, lineage=old.lineage))
        initiatives.append(
            attrs.evolve(
                initiative,
                id=before.id if before else _unique(slug(initiative.name), taken),
                aliases=before.aliases if before else (),
                category=renamed.get(initiative.category or ""),
                milestones=tuple(milestones),
            )
        )
    return attrs.evolve(draft, categories=categories, initiatives=tuple(initiatives))


def _categories(draft: Edition, previous: Edition | None) -> tuple[Category, ...]:
    known = {normalise(c.name): c.id for c in previous.categories} if previous else {}
    taken: set[str] = set()
    found = []
    for category in draft.categories:
        wanted = known.get(normalise(category.name)) or slug(category.name)
        found.append(Category(id=_unique(wanted, taken), name=category.name))
    return tuple(found)
