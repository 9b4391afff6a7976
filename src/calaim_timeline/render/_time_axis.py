"""Dates on a chart's axes: days as numbers, where a period stands, month ticks and labels."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from typing import Final

from calaim_timeline._notation import FIRST_MONTH, LAST_MONTH, month_index, month_start
from calaim_timeline.period import Period

__all__ = ["EPOCH", "MARGIN", "MOST_TICKS", "day", "middle", "ticks"]

EPOCH: Final = date(1970, 1, 1)
MOST_TICKS: Final = 20
MARGIN: Final = 3.0
"""How many days inside its month a point near the month's edge is drawn."""


def day(value: date) -> float:
    """A date as a number on an axis: days since 1970-01-01.

    Examples:
        >>> day(date(1970, 1, 2))
        1.0
    """
    return float((value - EPOCH).days)


def middle(period: Period) -> float:
    """Where a period stands on an axis: its middle, kept visibly inside its month.

    A day's middle is half a day from its own edges; for the 1st of a month that is on
    the grid line between two months, where the eye reads it as the month before. So a
    point within :data:`MARGIN` of its month's edge is drawn that far inside.

    Examples:
        >>> from datetime import date
        >>> first, march = middle(Period.parse("2022-03-01")), day(date(2022, 3, 1))
        >>> first - march
        3.0
        >>> middle(Period.parse("2022-03")) - march
        15.5
    """
    centre = (day(period.start) + day(period.end) + 1) / 2
    month = month_index(EPOCH + timedelta(days=int(centre)))
    low = day(month_start(month))
    high = day(month_start(month + 1)) if month < LAST_MONTH else day(date.max) + 1
    return min(max(centre, low + MARGIN), high - MARGIN)


def ticks(first: date, last: date) -> tuple[list[float], list[tuple[float, str]]]:
    """Grid lines on the edges of months (or quarters, or years), labels in their middles.

    Every month for up to a year and a half, else every quarter for up to four years,
    else whole years, as many as keep the labels to about twenty.

    Examples:
        >>> bounds, labels = ticks(date(2022, 1, 1), date(2022, 2, 28))
        >>> [text for _, text in labels]
        ['2022-01', '2022-02']
    """
    start = max(month_index(first), FIRST_MONTH)
    end = min(month_index(last) + 1, LAST_MONTH)
    span = end - start
    step = 1 if span <= 18 else 3 if span <= 48 else 12 * -(-span // (12 * MOST_TICKS))  # noqa: PLR2004
    edges = list(
        range(max(start - start % step, FIRST_MONTH), min(end + step, LAST_MONTH + 1), step)
    )
    bounds = [day(month_start(index)) for index in edges]
    labels = []
    for index, (low, high) in zip(edges, pairwise(bounds), strict=False):
        first_day = month_start(index)
        if step == 1:
            text = first_day.strftime("%Y-%m")
        elif step == 3:  # noqa: PLR2004
            text = f"{first_day.year}-Q{(first_day.month - 1) // 3 + 1}"
        else:
            text = str(first_day.year)
        labels.append(((low + high) / 2, text))
    return bounds, labels
