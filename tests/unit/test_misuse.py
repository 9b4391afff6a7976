"""Misuse refused at the call: a slip is an error naming it, never a silent wrong result."""

from __future__ import annotations

import pytest

from calaim_timeline import (
    Archive,
    DiffOptions,
    MilestoneDropped,
    MilestoneKind,
    OptionError,
    UnknownChangeError,
    diff,
    dumps,
    loads,
)


@pytest.mark.parametrize("name", ["json", "JSON", "Json"])
def test_a_format_name_is_read_in_any_case(name: str) -> None:
    """``format="JSON"`` writes JSON (it once wrote TOML) and reads back."""
    november = Archive.bundled()["2021-11"]
    text = dumps(november, format=name)  # type: ignore[arg-type]
    assert text.startswith('{\n  "id": "2021-11"')
    assert loads(text, format=name) == november  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["yaml", "", "toml ", 7])
def test_any_other_format_name_is_an_option_error(name: object) -> None:
    """Writing and reading refuse a format they do not know, naming it."""
    november = Archive.bundled()["2021-11"]
    with pytest.raises(OptionError) as caught:
        dumps(november, format=name)  # type: ignore[arg-type]
    assert str(caught.value) == f"unknown format {name!r}: expected 'toml' or 'json'"
    assert isinstance(caught.value, ValueError)
    with pytest.raises(OptionError):
        loads("", format=name)  # type: ignore[arg-type]


def test_filter_takes_one_name_several_names_or_record_classes() -> None:
    """A single name is one name, not its characters; a class stands for its name."""
    changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
    dropped = changes.filter(changes=["milestone-dropped"])
    assert len(dropped) == 14
    assert changes.filter(changes="milestone-dropped") == dropped
    assert changes.filter(changes=MilestoneDropped) == dropped
    assert len(changes.filter(changes=(MilestoneDropped, "initiative-renamed"))) == 15
    assert changes.filter(initiatives="ecm-ilos") == changes.filter(initiatives=["ecm-ilos"])
    launch = MilestoneKind.PROGRAM_LAUNCH
    assert changes.filter(kinds=launch) == changes.filter(kinds=[launch])


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ("milestone-slipped", "unknown change name 'milestone-slipped': expected one of "),
        (int, "unknown change <class 'int'>: expected a change name or a change record class"),
        (5, "unknown change 5: expected a change name or a change record class"),
    ],
)
def test_filter_refuses_what_is_not_a_change(wanted: object, message: str) -> None:
    """An unknown name or a class that is not a change record is an error naming it."""
    changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
    with pytest.raises(UnknownChangeError) as caught:
        changes.filter(changes=[wanted])  # type: ignore[list-item]
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("threshold", [500, -1, 100.5, "x", float("nan"), True, None])
def test_diff_options_refuse_a_threshold_out_of_range(threshold: object) -> None:
    """The threshold is a number from 0 to 100; anything else is refused at once."""
    with pytest.raises(OptionError) as caught:
        DiffOptions(threshold=threshold)  # type: ignore[arg-type]
    assert str(caught.value) == f"threshold must be a number from 0 to 100 (got {threshold!r})"


@pytest.mark.parametrize("threshold", [0, 0.0, 85, 100, 99.5])
def test_diff_options_keep_a_threshold_in_range(threshold: float) -> None:
    """Every number from 0 to 100, ends included, is a threshold."""
    assert DiffOptions(threshold=threshold).threshold == threshold
