from __future__ import annotations

import attrs
import pytest

from calaim_timeline import (
    Category,
    Footnote,
    Initiative,
    Period,
    Problem,
    Source,
    SubItem,
    ValidationError,
    check,
    validate,
)
from tests.builders import edition, milestone

pytestmark = pytest.mark.usefixtures("load_path")


def test_a_sound_edition_has_no_problems() -> None:
    """The builder's edition passes, and check returns it unchanged."""
    e = edition()
    assert validate(e) == ()
    assert check(e) is e


def test_every_problem_is_reported_together_with_its_path() -> None:
    """One broken edition yields all of its problems at once, in document order."""
    broken = edition(
        id="Edition 1",
        title=" ",
        as_of=Period.parse("2021-Q4"),
        window=Period.parse("2021-11-05/2022-03-31"),
        categories=(
            Category(id="care", name="Care"),
            Category(id="care", name="Care again"),
        ),
        footnotes=(
            Footnote(number=2, text="Two."),
            Footnote(number=2, text="Two again."),
            Footnote(number=1, text=""),
        ),
        excluded_initiatives=(" NCQA",),
        initiatives=(
            Initiative(id="x", name="X", category="nowhere", footnotes=(9,), aliases=("",)),
            Initiative(
                id="x",
                name="",
                milestones=(
                    milestone("a", title="", when=Period.parse("2023-01"), footnotes=(7,)),
                    milestone("a", sub_items=(SubItem(text="", footnotes=(8,)),)),
                    milestone("b", lineage="a"),
                    milestone("c", lineage="Bad Lineage"),
                ),
            ),
        ),
    )
    assert [str(p) for p in validate(broken)] == [
        "id: must be a slug of lowercase letters, digits and single hyphens (got 'Edition 1')",
        "title: must not be empty",
        "as_of: must be a month or a day (got '2021-Q4')",
        "categories[1].id: id 'care' is used by 2 categories; each must be unique",
        "footnotes[1].number: footnote 2 is defined twice",
        "footnotes[2].number: footnotes must be in ascending order (1 comes after 2)",
        "footnotes[2].text: must not be empty",
        "excluded_initiatives[0]: must not start or end with spaces (got ' NCQA')",
        "initiatives[0].category: unknown category 'nowhere': not in categories",
        "initiatives[0].aliases[0]: must not be empty",
        "initiatives[0].footnotes[0]: footnote 9 is not defined in footnotes",
        "initiatives[1].name: must not be empty",
        "initiatives[1].milestones[0].title: must not be empty",
        "initiatives[1].milestones[0].when: 2023-01 lies outside the edition's window 2021-11-05/2022-03-31",
        "initiatives[1].milestones[0].footnotes[0]: footnote 7 is not defined in footnotes",
        "initiatives[1].milestones[1].sub_items[0].text: must not be empty",
        "initiatives[1].milestones[1].sub_items[0].footnotes[0]: footnote 8 is not defined in footnotes",
        "initiatives[1].milestones[3].lineage: must be a slug of lowercase letters, digits and single hyphens (got 'Bad Lineage')",
        "initiatives[1].id: id 'x' is used by 2 initiatives; each must be unique",
        "initiatives[1].milestones[1].id: id 'a' is used by 2 milestones; each must be unique",
        "initiatives[1].milestones[2].lineage: lineage 'a' is used by 2 milestones; each must be unique",
    ]  # fmt: skip


def test_a_footnote_number_must_be_positive() -> None:
    """Footnote 0 is refused."""
    e = edition(footnotes=(Footnote(number=0, text="Zero."), Footnote(number=1, text="One.")))
    assert validate(e) == (Problem("footnotes[0].number", "must be a positive number (got 0)"),)


def test_a_milestone_overlapping_the_window_edge_is_inside() -> None:
    """A period that starts before the window but reaches into it is in the window."""
    e = edition()
    benefits = attrs.evolve(e.initiatives[1], milestones=(milestone(when=Period.parse("2021-H2")),))
    assert validate(attrs.evolve(e, initiatives=(e.initiatives[0], benefits))) == ()


def test_a_single_month_window_is_allowed() -> None:
    """An edition may cover one month only."""
    e = edition(window=Period.month(2022, 1), initiatives=())
    assert validate(e) == ()


def test_source_document_must_not_be_empty() -> None:
    """The source must say which document the edition was made from."""
    assert validate(edition(source=Source(document=""))) == (
        Problem("source.document", "must not be empty"),
    )


def test_check_raises_with_every_problem_and_the_source() -> None:
    """Check raises ValidationError whose lines name the file and each problem."""
    with pytest.raises(ValidationError) as raised:
        check(edition(title="", publisher=""), source="x.toml")
    assert raised.value.lines() == (
        "x.toml: title: must not be empty",
        "x.toml: publisher: must not be empty",
    )
    assert (
        str(raised.value)
        == "x.toml: 2 problems: title: must not be empty; publisher: must not be empty"
    )


def test_text_no_file_can_store_is_refused() -> None:
    """A lone surrogate in a title or wording cannot be saved, so it is a problem."""
    e = edition()
    bad = attrs.evolve(
        e.initiatives[1],
        milestones=(milestone(title="x\ud800", when=Period.month(2022, 1, text="Jan\udfff")),),
    )
    assert [str(p) for p in validate(attrs.evolve(e, initiatives=(e.initiatives[0], bad)))] == [
        "initiatives[1].milestones[0].title: contains U+D800, a lone surrogate that no file can store",
        "initiatives[1].milestones[0].when_text: contains U+DFFF, a lone surrogate that no file can store",
    ]


def test_source_url_and_notes_must_not_be_padded() -> None:
    """The source's url and notes follow the rules of every text."""
    assert validate(edition(source=Source(document="d", url=" x", notes=""))) == (
        Problem("source.url", "must not start or end with spaces (got ' x')"),
        Problem("source.notes", "must not be empty"),
    )
