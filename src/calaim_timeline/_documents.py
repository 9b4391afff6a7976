"""The shapes of the JSON documents the library gives: snapshot documents and diff documents.

Each is a :class:`~typing.TypedDict`, so that code reading ``codec.to_dict(edition)`` or
``changes.to_json()`` is type-checked key by key; ``ChangeDocument`` is the union of one
shape per record, told apart by its ``change`` literal, as ``Change`` is for records. The
shapes are held to docs/snapshot.schema.json and docs/diff.schema.json by a test. A key
whose date has a wording of its own has a ``_text`` sibling (``when_text``), present only
then. (No ``from __future__ import annotations`` here: ``NotRequired`` must be seen at
run time, where ``__required_keys__`` is worked out.)
"""

from typing import Literal, NotRequired, TypeAlias, TypedDict

__all__ = [
    "CategoryDocument",
    "ChangeDocument",
    "DiffDocument",
    "EditionDocument",
    "FieldChangeDocument",
    "FootnoteAddedDocument",
    "FootnoteChangedDocument",
    "FootnoteDocument",
    "FootnoteDroppedDocument",
    "InitiativeAddedDocument",
    "InitiativeDocument",
    "InitiativeDroppedDocument",
    "InitiativeEditedDocument",
    "InitiativeRecategorizedDocument",
    "InitiativeRenamedDocument",
    "JSONValue",
    "MilestoneAddedDocument",
    "MilestoneDocument",
    "MilestoneDroppedDocument",
    "MilestoneEditedDocument",
    "MilestoneMovedDocument",
    "MilestoneRekindedDocument",
    "MilestoneRetitledDocument",
    "MilestoneShiftedDocument",
    "SeriesDocument",
    "SourceDocument",
    "SubItemDocument",
    "WindowChangedDocument",
]

JSONValue: TypeAlias = "str | int | float | bool | list[JSONValue] | dict[str, JSONValue] | None"
"""Any value a JSON document holds."""


# The snapshot document (docs/file-format.md).


class SourceDocument(TypedDict):
    """Where an edition was published."""

    document: str
    url: NotRequired[str]
    notes: NotRequired[str]


class SeriesDocument(TypedDict):
    """The schedule an edition belongs to."""

    id: str
    title: str
    publisher: str


class CategoryDocument(TypedDict):
    """A category initiatives stand in."""

    id: str
    name: str


class FootnoteDocument(TypedDict):
    """A numbered footnote."""

    number: int
    text: str


class SubItemDocument(TypedDict):
    """One sub-item of a milestone."""

    text: str
    footnotes: NotRequired[list[int]]
    kind: NotRequired[str]


class MilestoneDocument(TypedDict):
    """A milestone; its optional keys are left out where they hold their default."""

    id: str
    title: str
    when: str
    when_text: NotRequired[str]
    kind: NotRequired[str]
    sub_items: NotRequired[list[SubItemDocument]]
    footnotes: NotRequired[list[int]]
    status: NotRequired[str]
    lineage: NotRequired[str]


class InitiativeDocument(TypedDict):
    """An initiative and its milestones."""

    id: str
    name: str
    aliases: NotRequired[list[str]]
    category: NotRequired[str]
    footnotes: NotRequired[list[int]]
    milestones: NotRequired[list[MilestoneDocument]]


class EditionDocument(TypedDict):
    """A snapshot document: one edition."""

    id: str
    title: str
    as_of: str
    as_of_text: NotRequired[str]
    window: str
    window_text: NotRequired[str]
    publisher: str
    source: SourceDocument
    series: NotRequired[SeriesDocument]
    categories: NotRequired[list[CategoryDocument]]
    initiatives: NotRequired[list[InitiativeDocument]]
    footnotes: NotRequired[list[FootnoteDocument]]
    excluded_initiatives: NotRequired[list[str]]


# The diff document (docs/diff.md): every change opens with the keys all records share.


class _ChangeHead(TypedDict):
    initiative: str | None
    milestone: str | None
    title: str | None
    review: NotRequired[Literal[True]]


class _MilestoneHead(_ChangeHead):
    kind: str | None


class FieldChangeDocument(TypedDict):
    """One field-level difference of an edited milestone; a side that is None is left out."""

    path: str
    kind: Literal["added", "removed", "changed"]
    old: NotRequired[JSONValue]
    new: NotRequired[JSONValue]


class MilestoneAddedDocument(_MilestoneHead):
    """A ``milestone-added`` change."""

    change: Literal["milestone-added"]
    when: str
    when_text: NotRequired[str]
    reason: Literal["new", "entered-window"]


class MilestoneDroppedDocument(_MilestoneHead):
    """A ``milestone-dropped`` change."""

    change: Literal["milestone-dropped"]
    when: str
    when_text: NotRequired[str]
    reason: Literal["aged-out", "beyond-window", "past-due", "unlisted"]


class MilestoneShiftedDocument(_MilestoneHead):
    """A ``milestone-shifted`` change."""

    change: Literal["milestone-shifted"]
    old_when: str
    old_when_text: NotRequired[str]
    new_when: str
    new_when_text: NotRequired[str]
    direction: str
    months: int | None


class MilestoneRetitledDocument(_MilestoneHead):
    """A ``milestone-retitled`` change."""

    change: Literal["milestone-retitled"]
    old_title: str
    new_title: str
    similarity: float
    editorial: bool
    stage: str


class MilestoneRekindedDocument(_MilestoneHead):
    """A ``milestone-rekinded`` change."""

    change: Literal["milestone-rekinded"]
    old_kind: str | None
    new_kind: str | None


class MilestoneMovedDocument(_MilestoneHead):
    """A ``milestone-moved`` change."""

    change: Literal["milestone-moved"]
    old_initiative: str
    new_initiative: str


class MilestoneEditedDocument(_MilestoneHead):
    """A ``milestone-edited`` change."""

    change: Literal["milestone-edited"]
    field: str
    old: JSONValue
    new: JSONValue
    details: list[FieldChangeDocument]


class InitiativeAddedDocument(_ChangeHead):
    """An ``initiative-added`` change."""

    change: Literal["initiative-added"]
    category: str | None


class InitiativeDroppedDocument(_ChangeHead):
    """An ``initiative-dropped`` change."""

    change: Literal["initiative-dropped"]
    category: str | None


class InitiativeRenamedDocument(_ChangeHead):
    """An ``initiative-renamed`` change."""

    change: Literal["initiative-renamed"]
    old_initiative: str
    old_name: str
    new_name: str
    old_aliases: list[str]
    new_aliases: list[str]
    stage: str
    score: float


class InitiativeRecategorizedDocument(_ChangeHead):
    """An ``initiative-recategorized`` change."""

    change: Literal["initiative-recategorized"]
    old_category: str | None
    new_category: str | None


class InitiativeEditedDocument(_ChangeHead):
    """An ``initiative-edited`` change."""

    change: Literal["initiative-edited"]
    field: str
    old: JSONValue
    new: JSONValue


class FootnoteAddedDocument(_ChangeHead):
    """A ``footnote-added`` change."""

    change: Literal["footnote-added"]
    number: int
    text: str


class FootnoteDroppedDocument(_ChangeHead):
    """A ``footnote-dropped`` change."""

    change: Literal["footnote-dropped"]
    number: int
    text: str


class FootnoteChangedDocument(_ChangeHead):
    """A ``footnote-changed`` change."""

    change: Literal["footnote-changed"]
    number: int
    old_text: str
    new_text: str
    editorial: bool


class WindowChangedDocument(_ChangeHead):
    """A ``window-changed`` change."""

    change: Literal["window-changed"]
    old_window: str
    old_window_text: NotRequired[str]
    new_window: str
    new_window_text: NotRequired[str]


ChangeDocument: TypeAlias = (
    MilestoneAddedDocument
    | MilestoneDroppedDocument
    | MilestoneShiftedDocument
    | MilestoneRetitledDocument
    | MilestoneRekindedDocument
    | MilestoneMovedDocument
    | MilestoneEditedDocument
    | InitiativeAddedDocument
    | InitiativeDroppedDocument
    | InitiativeRenamedDocument
    | InitiativeRecategorizedDocument
    | InitiativeEditedDocument
    | FootnoteAddedDocument
    | FootnoteDroppedDocument
    | FootnoteChangedDocument
    | WindowChangedDocument
)
"""One change of a diff document, told apart by its ``change`` literal."""


class DiffDocument(TypedDict):
    """A diff document: the two editions' ids, the count of each change and the changes."""

    old: str
    new: str
    summary: dict[str, int]
    changes: list[ChangeDocument]
