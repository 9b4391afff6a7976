"""The document form of the model, written with cattrs: editions to plain dicts and lists.

``configure_converter`` teaches a cattrs converter the snapshot document's shape (the
cattrs preconf pattern): model classes as tables in field order with defaults left out,
tuples as lists, periods in their notation with the ``_text`` wording beside them
(:func:`calaim_timeline._build.worded`), and the one builder of models for structuring.
:mod:`calaim_timeline.codec` re-exports it all.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, get_args, get_origin

import attrs

from calaim_timeline._build import KEYS, worded
from calaim_timeline._documents import EditionDocument, JSONValue
from calaim_timeline._structure import structure
from calaim_timeline.model import Edition
from calaim_timeline.period import Period, UnknownDate, When

if TYPE_CHECKING:
    import cattrs

# cattrs is imported where it is used: reading a regular document and checking it
# (what the command line mostly does) never needs it.

__all__ = ["configure_converter", "make_converter", "to_dict", "to_plain"]


def _is_homogeneous_tuple(kind: object) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is ...  # noqa: PLR2004


def _list_unstructure_factory(kind: Any, converter: cattrs.Converter) -> Callable[[Any], list[Any]]:  # noqa: ANN401
    # Tuples in the model, lists in the document (JSON and TOML arrays).
    item = converter.get_unstructure_hook(get_args(kind)[0])
    return lambda values: [item(v) for v in values]


def _period_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` that hold a period (or a milestone's date)."""
    return tuple(a.name for a in attrs.fields(attrs.resolve_types(cls)) if a.type in (Period, When))


def _class_unstructure(cls: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    from cattrs.gen import make_dict_unstructure_fn  # noqa: PLC0415

    unstructure: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True
    )
    fields = _period_fields(cls)
    if not fields:
        return unstructure

    def hook(obj: Any) -> dict[str, Any]:  # noqa: ANN401 - an instance of cls
        plain = unstructure(obj)
        out: dict[str, Any] = {}
        for key, value in plain.items():
            if key in fields:
                out.update(worded(key, getattr(obj, key)))
            else:
                out[key] = value
        return out

    return hook


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach ``converter`` the snapshot document shape (the cattrs preconf pattern).

    Examples:
        >>> import cattrs
        >>> from calaim_timeline import Period
        >>> converter = cattrs.Converter()
        >>> configure_converter(converter)
        >>> converter.structure("2022-Q1", Period)
        Period('2022-Q1')
    """
    # Factories first: hooks registered later take precedence over them.
    converter.register_unstructure_hook_factory(
        attrs.has, lambda cls: _class_unstructure(cls, converter)
    )
    converter.register_unstructure_hook(Period, Period.format)
    converter.register_unstructure_hook(UnknownDate, UnknownDate.format)
    converter.register_unstructure_hook_factory(_is_homogeneous_tuple, _list_unstructure_factory)
    # Structuring is the one way the library builds models (errors name the path).
    for kind in KEYS.keys() | {Period}:
        converter.register_structure_hook(kind, structure)


def make_converter() -> cattrs.Converter:
    """A new converter configured for snapshot documents.

    Examples:
        >>> from calaim_timeline import Footnote
        >>> make_converter().unstructure(Footnote(number=1, text="Pending CMS approval."))
        {'number': 1, 'text': 'Pending CMS approval.'}
    """
    import cattrs  # noqa: PLC0415

    converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    configure_converter(converter)
    return converter


@cache
def _converter() -> cattrs.Converter:
    """The converter of this module, made on first use."""
    return make_converter()


def to_dict(edition: Edition) -> EditionDocument:
    """The edition as a document of plain dicts, lists and strings (canonical order).

    Examples:
        >>> from calaim_timeline import Archive
        >>> list(to_dict(Archive.bundled()["2021-11"]))[:4]
        ['id', 'title', 'as_of', 'window']
    """
    document: EditionDocument = _converter().unstructure(edition, Edition)
    return document


def to_plain(value: object) -> JSONValue:
    """The document form of any model value: dicts, lists, strings and numbers.

    Examples:
        >>> from calaim_timeline import Period, SubItem
        >>> to_plain(SubItem(text="HHP counties", footnotes=(4,)))
        {'text': 'HHP counties', 'footnotes': [4]}
        >>> to_plain(Period.parse("2022-Q1"))
        '2022-Q1'
    """
    plain: JSONValue = _converter().unstructure(value)
    return plain
