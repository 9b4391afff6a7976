"""Dates in a list table's own words: every form read into its exact period."""

from __future__ import annotations

from datetime import date

import pytest

from calaim_timeline import Status
from calaim_timeline.importers._dates import HINT, DateError, read_status, read_when, status_word


@pytest.mark.parametrize(
    ("words", "period", "text", "status"),
    [
        ("January 2022", "2022-01", "January 2022", None),
        ("Jan. 2022", "2022-01", "Jan. 2022", None),
        ("Sept 2022", "2022-09", "Sept 2022", None),
        ("February", "2021-02", "February", None),
        ("Q3 2023", "2023-Q3", "Q3 2023", None),
        ("2023 Q3", "2023-Q3", "2023 Q3", None),
        ("quarter 3 2023", "2023-Q3", "quarter 3 2023", None),
        ("third quarter of 2023", "2023-Q3", "third quarter of 2023", None),
        ("the last quarter of 2023", "2023-Q4", "the last quarter of 2023", None),
        ("H2 2021", "2021-H2", "H2 2021", None),
        ("2022-H1", "2022-H1", None, None),
        ("2021 H2", "2021-H2", "2021 H2", None),
        ("the last half of 2021", "2021-H2", "the last half of 2021", None),
        ("first half of 2022", "2022-H1", "first half of 2022", None),
        ("2023", "2023", None, None),
        ("CY 2023", "2023", "CY 2023", None),
        ("April 1, 2024", "2024-04-01", "April 1, 2024", None),
        ("1 April 2024", "2024-04-01", "1 April 2024", None),
        ("4/1/2024", "2024-04-01", "4/1/2024", None),
        ("Thursday, February 4", "2021-02-04", "Thursday, February 4", None),
        ("mid to late February", "2021-02-11/2021-02-28", "mid to late February", None),
        ("early March 2022", "2022-03-01/2022-03-10", "early March 2022", None),
        ("mid-to-late February 2024", "2024-02-11/2024-02-29", "mid-to-late February 2024", None),
        ("late June 2022", "2022-06-21/2022-06-30", "late June 2022", None),
        ("January - March 2022", "2022-01/2022-03", "January - March 2022", None),
        ("Jan 2022 \u2013 Mar 2022", "2022-01/2022-03", "Jan 2022 \u2013 Mar 2022", None),
        ("Q4 2022 - Q1 2023", "2022-10/2023-03", "Q4 2022 - Q1 2023", None),
        ("January 2022 to January 2022", "2022-01", "January 2022 to January 2022", None),
        (
            "between April and June of 2021",
            "2021-04/2021-06",
            "between April and June of 2021",
            None,
        ),
        (
            "no sooner than April 1, 2024, and no later than March 31, 2026",
            "2024-04/2026-03",
            "no sooner than April 1, 2024, and no later than March 31, 2026",
            None,
        ),
        (
            "no sooner than April 15, 2024, and no later than May 2, 2024",
            "2024-04-15/2024-05-02",
            "no sooner than April 15, 2024, and no later than May 2, 2024",
            None,
        ),
        ("by January 2022", "2022-01", "by January 2022", None),
        ("January 2022 - LIVE!", "2022-01", "January 2022", Status.DONE),
        ("January 2022 (Live)", "2022-01", "January 2022", Status.DONE),
        ("LIVE! January 2022", "2022-01", "January 2022", Status.DONE),
        ("Q2 2022 - went live", "2022-Q2", "Q2 2022", Status.DONE),
        ("Spring 2024", "2024-03/2024-05", "Spring 2024", None),
        ("Summer 2024", "2024-06/2024-08", "Summer 2024", None),
        ("Fall 2024", "2024-09/2024-11", "Fall 2024", None),
        ("Autumn of 2024", "2024-09/2024-11", "Autumn of 2024", None),
        ("Winter 2024", "2023-12/2024-02", "Winter 2024", None),
        ("Winter 2024-25", "2024-12/2025-02", "Winter 2024-25", None),
        ("early 2024", "2024-01/2024-04", "early 2024", None),
        ("mid-2024", "2024-05/2024-08", "mid-2024", None),
        ("late 2024", "2024-09/2024-12", "late 2024", None),
        ("early to mid 2024", "2024-01/2024-08", "early to mid 2024", None),
        ("end of 2023", "2023-12", "end of 2023", None),
        ("by the end of 2023", "2023-12", "by the end of 2023", None),
        ("beginning of 2024", "2024-01", "beginning of 2024", None),
        ("year-end 2023", "2023-12", "year-end 2023", None),
        ("end of the year", "2021-12", "end of the year", None),
        ("end of Q3 2023", "2023-09", "end of Q3 2023", None),
        ("end of FY 2024-25", "2025-06", "end of FY 2024-25", None),
        ("end of March 2024", "2024-03-21/2024-03-31", "end of March 2024", None),
        ("beginning of March 2024", "2024-03-01/2024-03-10", "beginning of March 2024", None),
        ("Beginning March 2024", "2024-03", "Beginning March 2024", None),
        ("FY 2024-25", "2024-07/2025-06", "FY 2024-25", None),
        ("FY2024-2025", "2024-07/2025-06", "FY2024-2025", None),
        ("SFY 24/25", "2024-07/2025-06", "SFY 24/25", None),
        ("FY2025", "2024-07/2025-06", "FY2025", None),
        ("state fiscal year 2024-25", "2024-07/2025-06", "state fiscal year 2024-25", None),
        ("CY2025", "2025", "CY2025", None),
        ("calendar year 2025", "2025", "calendar year 2025", None),
        ("1/15/24", "2024-01-15", "1/15/24", None),
        ("01/15/2024", "2024-01-15", "01/15/2024", None),
        ("1/15", "2021-01-15", "1/15", None),
        ("Jan-25", "2025-01", "Jan-25", None),
        ("Sep-2025", "2025-09", "Sep-2025", None),
        ("15-Jan-24", "2024-01-15", "15-Jan-24", None),
        ("Tue, April 14", "2021-04-14", "Tue, April 14", None),
        ("Thurs. Feb 4", "2021-02-04", "Thurs. Feb 4", None),
        ("Monday, 2021-05-03", "2021-05-03", "Monday, 2021-05-03", None),
        ("Wesnesday, 2022-06-01", "2022-06-01", "Wesnesday, 2022-06-01", None),
        ("July 2024 (tentative)", "2024-07", "July 2024 (tentative)", None),
        ("Q3 2024 [estimated]", "2024-Q3", "Q3 2024 [estimated]", None),
        ("May 2024*", "2024-05", "May 2024*", None),
        ("Tentatively Q3 2024", "2024-Q3", "Tentatively Q3 2024", None),
        ("~March 2024", "2024-03", "~March 2024", None),
        ("July 2024 (tentative) - LIVE!", "2024-07", "July 2024 (tentative)", Status.DONE),
        ("TBD", "unknown", "TBD", None),
        ("To be determined", "unknown", "To be determined", None),
        ("TBA", "unknown", "TBA", None),
        ("Date TBD", "unknown", "Date TBD", None),
        ("TBD (EOD PST)", "unknown", "TBD (EOD PST)", None),
        ("Pending", "unknown", "Pending", Status.PLANNED),
        ("TBD (Live)", "unknown", "TBD", Status.DONE),
        ("", "unknown", None, None),
        ("LIVE!", "unknown", "LIVE!", Status.DONE),
        ("Live", "unknown", "Live", Status.DONE),
        ("Complete", "unknown", "Complete", Status.DONE),
        ("Completed", "unknown", "Completed", Status.DONE),
        ("Done", "unknown", "Done", Status.DONE),
        ("2022-01", "2022-01", None, None),
        ("2024-04-01/2026-03-31", "2024-04/2026-03", None, None),
    ],
)
def test_each_form_reads_as_its_exact_period(
    words: str, period: str, text: str | None, status: Status | None
) -> None:
    """The period's notation, the wording it keeps, and the status a word sets."""
    when, found = read_when(words, after=date(2021, 1, 1))
    assert (str(when), when.text, found) == (period, text, status)


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("Soon", f"cannot read 'Soon' as a date: {HINT}"),
        ("Fall 2022 or so", f"cannot read 'Fall 2022 or so' as a date: {HINT}"),
        (
            "FY 2024-26",
            (
                "'FY 2024-26' is not one fiscal year: one starting in July 2024 ends in 2025"
                " (see --fiscal-year-start)"
            ),
        ),
        ("Winter 2024-26", "'Winter 2024-26' names two years that do not follow each other"),
        (
            "end of April 1, 2024",
            "'end of April 1, 2024': a day has no end or beginning to speak of",
        ),
        ("February 30, 2022", "2022-02-30 is not a day of the calendar"),
        ("March 2022 - January 2022", "'March 2022 - January 2022' ends before it starts"),
        ("January 0000", "cannot read 'January 0000' as a date: year 0 is out of range"),
        ("Q1 0000", "cannot read 'Q1 0000' as a date: year 0 is out of range"),
    ],
)
def test_what_is_not_a_date_says_what_is(words: str, message: str) -> None:
    """A DateError with the words and the forms accepted."""
    with pytest.raises(DateError) as raised:
        read_when(words, after=date(2021, 1, 1))
    assert str(raised.value) == message


def test_status_words() -> None:
    """A status cell, or a status word beside a date."""
    assert [status_word(w) for w in ("Live", "LIVE!", "Went live", "Complete", "Pending", "?")] == [
        Status.DONE,
        Status.DONE,
        Status.DONE,
        Status.DONE,
        Status.PLANNED,
        None,
    ]
    assert read_status("Done") == ("Done", None)  # a status alone: read_when's to say


def test_a_fiscal_year_of_another_start() -> None:
    """A federal fiscal year starts in October; one starting in January is the calendar's."""
    october = read_when("FY 2024-25", after=date(2024, 1, 1), fiscal_start=10)[0]
    january = read_when("FY2025", after=date(2024, 1, 1), fiscal_start=1)[0]
    assert (str(october), str(january)) == ("2024-10/2025-09", "2025-01/2025-12")
    with pytest.raises(DateError) as raised:
        read_when("FY 2024-25", after=date(2024, 1, 1), fiscal_start=1)
    assert str(raised.value) == (
        "'FY 2024-25' is not one fiscal year: one starting in January 2024 ends in 2024"
        " (see --fiscal-year-start)"
    )
