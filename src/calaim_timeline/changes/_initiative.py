"""The records of changes to initiatives, to footnotes and to the edition's window."""

from __future__ import annotations

import abc
from typing import ClassVar, Literal

import attrs

from calaim_timeline.changes._base import ChangeRecord, Rebuild, Swappable
from calaim_timeline.matching import Stage, normalise
from calaim_timeline.model import Edition, Footnote, Initiative
from calaim_timeline.period import Period

__all__ = [
    "FootnoteAdded",
    "FootnoteChanged",
    "FootnoteDropped",
    "InitiativeAdded",
    "InitiativeDropped",
    "InitiativeEdited",
    "InitiativeRecategorized",
    "InitiativeRenamed",
    "WindowChanged",
]


class _AboutInitiative(ChangeRecord):
    """A change about one initiative (no milestones): ``initiative`` is one of its sides."""

    __slots__ = ()

    @property
    @abc.abstractmethod
    def initiative(self) -> Initiative:
        """The initiative, without milestones (as it is now, where there are two sides)."""

    @property
    def milestone_id(self) -> None:
        """None: the change is about no milestone."""

    @property
    def kind(self) -> None:
        """None: no milestone, no kind."""

    @property
    def initiative_id(self) -> str:
        """The initiative's id (now, where there are two sides)."""
        return self.initiative.id

    @property
    def title(self) -> str:
        """The initiative's name (now, where there are two sides)."""
        return self.initiative.name

    def initiative_ids(self) -> frozenset[str]:
        """The initiative (its id now, where there are two sides)."""
        return frozenset((self.initiative.id,))


@attrs.frozen(kw_only=True)
class InitiativeAdded(_AboutInitiative):
    """An initiative the old edition did not have (its milestones are added separately).

    Examples:
        >>> added = InitiativeAdded(new=Initiative(id="dental", name="Dental"))
        >>> from calaim_timeline import Archive
        >>> added.inverse(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"]).change
        'initiative-dropped'
    """

    change: ClassVar[Literal["initiative-added"]] = "initiative-added"
    new: Initiative

    @property
    def initiative(self) -> Initiative:
        """The new side, the only one."""
        return self.new

    def inverse(self, old: Edition, new: Edition) -> InitiativeDropped:  # noqa: ARG002
        """The initiative dropped."""
        return InitiativeDropped(old=self.new)

    def apply(self, parts: Rebuild) -> None:
        """Add the initiative."""
        parts.initiatives[self.new.id] = self.new


@attrs.frozen(kw_only=True)
class InitiativeDropped(_AboutInitiative):
    """An initiative the new edition no longer has (its milestones are dropped separately).

    Examples:
        >>> InitiativeDropped.change
        'initiative-dropped'
    """

    change: ClassVar[Literal["initiative-dropped"]] = "initiative-dropped"
    old: Initiative

    @property
    def initiative(self) -> Initiative:
        """The old side, the only one."""
        return self.old

    def inverse(self, old: Edition, new: Edition) -> InitiativeAdded:  # noqa: ARG002
        """The initiative added."""
        return InitiativeAdded(new=self.old)

    def apply(self, parts: Rebuild) -> None:
        """Remove the initiative."""
        parts.initiatives.pop(self.old.id, None)


@attrs.frozen(kw_only=True)
class _InitiativePaired(_AboutInitiative, Swappable):
    """A change to a matched initiative; ``old`` and ``new`` have no milestones."""

    old: Initiative
    new: Initiative

    @property
    def initiative(self) -> Initiative:
        """The new side."""
        return self.new


@attrs.frozen(kw_only=True)
class InitiativeRenamed(_InitiativePaired):
    """The initiative's name or id changed (its aliases follow): one event, not N drops and adds.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.diffing import diff
        >>> changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
        >>> renamed = changes.filter(changes=["initiative-renamed"]).changes[0]
        >>> renamed.old.id, renamed.new.id
        ('ecm-ilos', 'ecm-community-supports')
    """

    change: ClassVar[Literal["initiative-renamed"]] = "initiative-renamed"
    stage: Stage
    score: float

    def initiative_ids(self) -> frozenset[str]:
        """The initiative's old and new ids."""
        return frozenset((self.old.id, self.new.id))

    def apply(self, parts: Rebuild) -> None:
        """Give the initiative its new id, name and aliases."""
        new = self.new
        parts.edit_initiative(new.id, id=new.id, name=new.name, aliases=new.aliases)


@attrs.frozen(kw_only=True)
class InitiativeRecategorized(_InitiativePaired):
    """The initiative moved to another category.

    Examples:
        >>> InitiativeRecategorized.change
        'initiative-recategorized'
    """

    change: ClassVar[Literal["initiative-recategorized"]] = "initiative-recategorized"

    def apply(self, parts: Rebuild) -> None:
        """Give the initiative its new category."""
        parts.edit_initiative(self.new.id, category=self.new.category)


@attrs.frozen(kw_only=True)
class InitiativeEdited(_InitiativePaired):
    """The initiative's footnotes, or its aliases without a rename, changed.

    Examples:
        >>> InitiativeEdited.change
        'initiative-edited'
    """

    change: ClassVar[Literal["initiative-edited"]] = "initiative-edited"
    field: str

    @property
    def editorial(self) -> bool:
        """Always: which footnotes an initiative cites, or its aliases, move no date."""
        return True

    def apply(self, parts: Rebuild) -> None:
        """Give the initiative the new value of the field."""
        parts.edit_initiative(self.new.id, **{self.field: getattr(self.new, self.field)})


@attrs.frozen(kw_only=True)
class _EditionChange(ChangeRecord):
    """A change to the edition as a whole."""

    @property
    def initiative_id(self) -> None:
        """None: the change is about the edition as a whole."""

    @property
    def milestone_id(self) -> None:
        """None: the change is about no milestone."""

    @property
    def title(self) -> None:
        """None: the change is about the edition as a whole."""

    @property
    def kind(self) -> None:
        """None: no milestone, no kind."""

    def initiative_ids(self) -> frozenset[str]:
        """None: the change is about the edition as a whole."""
        return frozenset()


class _AboutFootnote(_EditionChange):
    """A change about one footnote: ``footnote`` is one of its sides."""

    __slots__ = ()

    @property
    @abc.abstractmethod
    def footnote(self) -> Footnote:
        """The footnote (as it is now, where there are two sides)."""


@attrs.frozen(kw_only=True)
class FootnoteAdded(_AboutFootnote):
    """A footnote number the old edition did not have.

    Examples:
        >>> FootnoteAdded(new=Footnote(number=3, text="Pending CMS approval.")).footnote.number
        3
    """

    change: ClassVar[Literal["footnote-added"]] = "footnote-added"
    new: Footnote

    @property
    def footnote(self) -> Footnote:
        """The new side, the only one."""
        return self.new

    def inverse(self, old: Edition, new: Edition) -> FootnoteDropped:  # noqa: ARG002
        """The footnote dropped."""
        return FootnoteDropped(old=self.new)

    def apply(self, parts: Rebuild) -> None:
        """Add the footnote."""
        parts.notes[self.new.number] = self.new


@attrs.frozen(kw_only=True)
class FootnoteDropped(_AboutFootnote):
    """A footnote number the new edition no longer has.

    Examples:
        >>> FootnoteDropped.change
        'footnote-dropped'
    """

    change: ClassVar[Literal["footnote-dropped"]] = "footnote-dropped"
    old: Footnote

    @property
    def footnote(self) -> Footnote:
        """The old side, the only one."""
        return self.old

    def inverse(self, old: Edition, new: Edition) -> FootnoteAdded:  # noqa: ARG002
        """The footnote added."""
        return FootnoteAdded(new=self.old)

    def apply(self, parts: Rebuild) -> None:
        """Remove the footnote."""
        parts.notes.pop(self.old.number, None)


@attrs.frozen(kw_only=True)
class FootnoteChanged(_AboutFootnote, Swappable):
    """The text of a footnote number changed.

    Examples:
        >>> FootnoteChanged(
        ...     old=Footnote(number=1, text="Subject to CMS approval"),
        ...     new=Footnote(number=1, text="Subject to CMS approval."),
        ... ).editorial
        True
    """

    change: ClassVar[Literal["footnote-changed"]] = "footnote-changed"
    old: Footnote
    new: Footnote

    @property
    def footnote(self) -> Footnote:
        """The new side."""
        return self.new

    @property
    def editorial(self) -> bool:
        """Whether the texts differ only in case, punctuation, whitespace or markup."""
        return normalise(self.old.text) == normalise(self.new.text)

    def apply(self, parts: Rebuild) -> None:
        """Give the footnote its new text."""
        parts.notes[self.new.number] = self.new


@attrs.frozen(kw_only=True)
class WindowChanged(_EditionChange, Swappable):
    """The edition covers other months.

    Examples:
        >>> WindowChanged(old=Period.parse("2021"), new=Period.parse("2021-11/2022-03")).new
        Period('2021-11/2022-03')
    """

    change: ClassVar[Literal["window-changed"]] = "window-changed"
    old: Period
    new: Period

    def apply(self, parts: Rebuild) -> None:
        """Nothing to set: the new edition's header carries the window."""
