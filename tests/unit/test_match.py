from __future__ import annotations

import attrs
import pytest

from calaim_timeline import Edition, Initiative, Period
from calaim_timeline.diffing import diff
from calaim_timeline.matching import Stage, match, normalise, similarity
from tests.builders import edition, milestone


def _with(*initiatives: Initiative) -> Edition:
    return edition(initiatives=initiatives, footnotes=())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MOT Carve-In goes live", "mot carve in goes live"),
        ("  Dental   All-Plan Letter (APL)* ", "dental all plan letter apl"),
        ("Governor’s <b>budget</b>", "governor s budget"),  # noqa: RUF001 - the source's quote
        ("ＰＡＴＨ", "path"),  # noqa: RUF001 - full-width letters, folded by NFKC
        ("__x__", "x"),
    ],
)
def test_normalise_ignores_case_punctuation_whitespace_and_markup(text: str, expected: str) -> None:
    """Normalised titles compare only their words."""
    assert normalise(text) == expected


def test_similarity_is_symmetric_and_word_order_free() -> None:
    """Similarity ignores word order and reads the same both ways."""
    assert similarity("goes live MOT", "MOT goes live") == 100.0
    assert similarity("MOT Carve-In goes live", "MSSP Carve-Out goes live") == similarity(
        "MSSP Carve-Out goes live", "MOT Carve-In goes live"
    )
    assert round(similarity("MOT Carve-In goes live", "MSSP Carve-Out goes live"), 1) == 82.6


def test_each_stage_is_recorded() -> None:
    """Lineage, normalised title, similarity and moves are found in that order."""
    old = _with(
        Initiative(
            id="a",
            name="Alpha",
            milestones=(
                milestone("kept", title="Kept as it was"),
                milestone("case", title="final path program requirements"),
                milestone("wording", title="Network Guidance to Plans"),
                milestone("roamer", title="Dental Provider Bulletins/ Provider Manual"),
            ),
        ),
        Initiative(id="b", name="Beta"),
    )
    new = _with(
        Initiative(
            id="a",
            name="Alpha",
            milestones=(
                milestone("kept", title="Kept, reworded entirely"),
                milestone("case-2", title="Final PATH Program Requirements!"),
                milestone("wording-2", title="Final Network Guidance to Plans"),
            ),
        ),
        Initiative(
            id="b",
            name="Beta",
            milestones=(
                milestone("roamer-2", title="Dental Provider Bulletins and Provider Manual"),
            ),
        ),
    )
    found = match(old, new)
    assert [(p.old.id, p.new.id, p.stage, round(p.score)) for p in found.milestones] == [
        ("kept", "kept", Stage.LINEAGE, 100),
        ("case", "case-2", Stage.TITLE, 100),
        ("wording", "wording-2", Stage.SIMILAR, 89),
        ("roamer", "roamer-2", Stage.MOVED, 95),
    ]
    assert (found.old_milestones, found.new_milestones) == ((), ())


def test_below_the_threshold_nothing_is_paired() -> None:
    """Titles less alike than the threshold stay apart: a drop and an add."""
    old = _with(
        Initiative(id="a", name="A", milestones=(milestone("mot", title="MOT Carve-In goes live"),))
    )
    new = _with(
        Initiative(
            id="a", name="A", milestones=(milestone("mssp", title="MSSP Carve-Out goes live"),)
        )
    )
    assert match(old, new).milestones == ()
    assert [p.new.id for p in match(old, new, threshold=80).milestones] == ["mssp"]


def test_the_best_pair_wins_whatever_the_order() -> None:
    """One to one, best score first; reordering the files does not change the pairs."""
    titles = (
        "Dental provider bulletin",
        "Dental provider bulletins",
        "Dental provider manual bulletins",
    )
    old = _with(Initiative(id="a", name="A", milestones=(milestone("x", title=titles[1]),)))
    new = _with(
        Initiative(
            id="a",
            name="A",
            milestones=(milestone("y", title=titles[0]), milestone("z", title=titles[2])),
        )
    )
    flipped = _with(
        attrs.evolve(new.initiatives[0], milestones=new.initiatives[0].milestones[::-1])
    )
    assert [p.new.id for p in match(old, new).milestones] == ["y"]
    assert [p.new.id for p in match(old, flipped).milestones] == ["y"]


def test_initiatives_pair_by_id_alias_name_and_similarity() -> None:
    """Each initiative stage, including an alias named on the old side only."""
    old = _with(
        Initiative(id="same", name="Same"),
        Initiative(id="ilos", name="In Lieu of Services (ILOS)"),
        Initiative(id="old-cs", name="Community Supports", aliases=("cs-renamed",)),
        Initiative(id="bh", name="Behavioral Health Payment Reform"),
        Initiative(id="dental", name="Dental (new benefits and P4P)"),
        Initiative(id="bhqip", name="Behavioural Health Quality Improvement"),
        Initiative(id="gone", name="Gone entirely"),
    )
    new = _with(
        Initiative(id="same", name="Same, renamed"),
        Initiative(
            id="ecm-cs", name="ECM and Community Supports", aliases=("In Lieu of Services (ILOS)",)
        ),
        Initiative(id="cs-renamed", name="Supports"),
        Initiative(id="behavioral", name="behavioral health payment reform"),
        Initiative(id="dental-2", name="Dental (new benefits and P4P) program"),
        Initiative(id="bh-quality", name="Behavioral Health Quality Improvements"),
        Initiative(id="fresh", name="Something else"),
    )
    found = match(old, new)
    assert [(p.old.id, p.new.id, p.stage) for p in found.initiatives] == [
        ("same", "same", Stage.ID),
        ("ilos", "ecm-cs", Stage.ALIAS),
        ("old-cs", "cs-renamed", Stage.ALIAS),
        ("bh", "behavioral", Stage.TITLE),
        ("dental", "dental-2", Stage.CONTAINED),
        ("bhqip", "bh-quality", Stage.SIMILAR),
    ]
    assert [i.id for i in found.old_initiatives] == ["gone"]
    assert [i.id for i in found.new_initiatives] == ["fresh"]


def test_milestones_split_over_initiatives_are_no_evidence_of_a_rename() -> None:
    """Milestones that went to two initiatives, or an initiative fed by two, pair nothing."""
    phm = Initiative(id="phm", name="PHM", milestones=(milestone("a"), milestone("b", title="B")))
    split = Initiative(id="split", name="Split", milestones=(milestone("c", title="C"),))
    new = _with(
        Initiative(id="pop-health", name="Population Health", milestones=(milestone("a"),)),
        Initiative(
            id="one",
            name="One",
            milestones=(milestone("b2", title="B", lineage="b2"), milestone("c", title="C")),
        ),
    )
    assert match(_with(phm, split), new).initiatives == ()
    # With the one milestone that went elsewhere gone, what is left is a rename.
    renamed = _with(new.initiatives[0])
    assert [(p.old.id, p.new.id, p.stage) for p in match(_with(phm), renamed).initiatives] == [
        ("phm", "pop-health", Stage.MILESTONES)
    ]


def test_initiatives_pair_by_their_acronyms_and_their_milestones() -> None:
    """The same acronyms in parentheses, or all milestones followed, pair two initiatives."""
    old = _with(
        Initiative(
            id="ecm-ilos", name="Enhanced Care Management (ECM) and In Lieu of Services (ILOS)"
        ),
        Initiative(id="phm", name="PHM", milestones=(milestone("a"), milestone("b", title="Bee"))),
    )
    new = _with(
        Initiative(id="ecm-cs", name="Enhanced Care Management (ECM)/ Community Supports (ILOS)"),
        Initiative(id="ecm-only", name="Enhanced Care Management (ECM) Academy"),
        Initiative(
            id="population-health",
            name="Population Health Management",
            milestones=(milestone("a"), milestone("b2", title="Bee", lineage="b2")),
        ),
    )
    found = match(old, new)
    assert [(p.old.id, p.new.id, p.stage) for p in found.initiatives] == [
        ("ecm-ilos", "ecm-cs", Stage.ACRONYMS),
        ("phm", "population-health", Stage.MILESTONES),
    ]


def test_titles_with_other_numbers_are_never_paired() -> None:
    """Program Year 1 and Program Year 2 are two milestones, however alike."""
    old = _with(
        Initiative(
            id="a", name="A", milestones=(milestone("py1", title="Program Year 1 goes live"),)
        )
    )
    new = _with(
        Initiative(
            id="a", name="A", milestones=(milestone("py2", title="Program Year 2 goes live"),)
        )
    )
    assert match(old, new, threshold=50).milestones == ()


def test_matching_is_symmetric() -> None:
    """Matching new against old gives the same pairs, sides swapped."""
    old = _with(
        Initiative(
            id="a", name="A", milestones=(milestone("x", title="Dental provider bulletins"),)
        )
    )
    new = _with(
        Initiative(id="a", name="A", milestones=(milestone("y", title="Dental provider bulletin"),))
    )
    forward = [(p.old.id, p.new.id, p.stage, p.score) for p in match(old, new).milestones]
    backward = [(p.new.id, p.old.id, p.stage, p.score) for p in match(new, old).milestones]
    assert forward == backward


def test_a_title_repeated_at_other_dates_pairs_date_with_date() -> None:
    """An initiative may list one title twice; each pairs with the one of its own date.

    Ids give no help here (an imported edition names its milestones afresh), and the
    ids' order is the opposite of the dates', so only the periods can tell them apart.
    """
    january, march = Period.month(2022, 1), Period.month(2022, 3)

    def guidance(first: str, second: str) -> Edition:
        title = "DHCS releases updated guidance"
        listed = (
            milestone(first, title=title, when=january),
            milestone(second, title=title, when=march),
        )
        return _with(Initiative(id="a", name="A", milestones=listed))

    old, new = guidance("guidance-1", "guidance-2"), guidance("z-guidance", "a-guidance")
    pairs = {(p.old.id, p.new.id) for p in match(old, new).milestones}
    assert pairs == {("guidance-1", "z-guidance"), ("guidance-2", "a-guidance")}
    assert diff(old, new).summary() == {}
