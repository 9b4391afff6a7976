"""The milestone trend chart: each edition's forecast of one milestone as a band.

Editions run along the x axis, target dates up the y axis; each edition that lists the
milestone draws a band from the first to the last day of its period, so a slip (bands
climbing), a narrowing (bands shrinking) or an imprecise period (a tall band) shows at a
glance. Needs matplotlib: ``pip install 'calaim-timeline[charts]'``.
"""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path
from typing import Final

import attrs

from calaim_timeline._notation import FIRST_MONTH, LAST_MONTH, month_index, month_start
from calaim_timeline.codec import write_atomic
from calaim_timeline.errors import ChartError
from calaim_timeline.history import History

__all__ = ["ChartError", "TrendChart"]

INSTALL_HINT: Final = "pip install 'calaim-timeline[charts]'"
_EPOCH: Final = date(1970, 1, 1)
_MOST_TICKS: Final = 20


def _month_ticks(first: date, last: date) -> list[tuple[int, str]]:
    """First-of-month ticks from the month before ``first`` to the month after ``last``.

    Every month for up to a year and a half, else every quarter, else whole years.
    """
    start, end = max(month_index(first) - 1, FIRST_MONTH), min(month_index(last) + 2, LAST_MONTH)
    span = end - start
    # Every month up to a year and a half, every quarter up to four years, else whole
    # years, as many as keep the ticks to about twenty however long the history.
    step = 1 if span <= 18 else 3 if span <= 48 else 12 * -(-span // (12 * _MOST_TICKS))  # noqa: PLR2004
    ticks = []
    for index in range(
        max(start - start % step, FIRST_MONTH), min(end + step, LAST_MONTH + 1), step
    ):
        day = month_start(index)
        ticks.append(((day - _EPOCH).days, day.strftime("%Y-%m")))
    return ticks


@attrs.frozen
class TrendChart:
    """Draw a history's trend chart to an ``.svg`` or ``.png`` file.

    Each band has the SVG id ``band-<edition id>``.

    Examples:
        >>> import pathlib, tempfile
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> story = Timeline(Archive.bundled().editions).find("mot-carve-in-live")
        >>> with tempfile.TemporaryDirectory() as directory:
        ...     TrendChart()(story, pathlib.Path(directory) / "mot.svg")
        ...     'id="band-2021-11"' in (pathlib.Path(directory) / "mot.svg").read_text()
        True
    """

    width: float = 8.0
    height: float = 4.5

    def __call__(self, story: History, path: str | os.PathLike[str]) -> None:
        """Write the chart to ``path`` atomically; the file type follows its suffix."""
        path = Path(path)
        kind = path.suffix.lower().lstrip(".")
        if kind not in {"svg", "png"}:
            msg = f"cannot draw a chart as {path.suffix!r}: use .svg or .png"
            raise ChartError(msg)
        try:
            from matplotlib.figure import Figure  # noqa: PLC0415 - heavy, and optional
        except ImportError:
            msg = f"drawing charts needs matplotlib: {INSTALL_HINT}"
            raise ChartError(msg) from None
        figure = Figure(figsize=(self.width, self.height), layout="constrained")
        axes = figure.add_subplot()
        periods = [s.listing.milestone.when for s in story.sightings if s.listing is not None]
        ticks = _month_ticks(min(p.start for p in periods), max(p.end for p in periods))
        middle = (ticks[0][0] + ticks[-1][0]) / 2
        labels = []
        for x, sighting in enumerate(story.sightings):
            labels.append(f"{sighting.edition}\n(as of {sighting.as_of})")
            if sighting.listing is None:
                axes.annotate("not listed", (x, middle), ha="center", color="#888888", fontsize=8)
                continue
            when = sighting.listing.milestone.when
            bottom = (when.start - _EPOCH).days
            top = (when.end - _EPOCH).days + 1
            (band,) = axes.bar(x, top - bottom, bottom=bottom, width=0.5, color="#2f6690")
            band.set_gid(f"band-{sighting.edition}")
            axes.annotate(str(when), (x, top), ha="center", va="bottom", fontsize=8)
        axes.set_xticks(range(len(labels)), labels, fontsize=8)
        axes.set_xlim(-0.75, len(labels) - 0.25)
        axes.set_yticks([day for day, _ in ticks], [label for _, label in ticks], fontsize=8)
        axes.set_ylim(ticks[0][0], ticks[-1][0])
        axes.set_ylabel("target period")
        axes.grid(axis="y", alpha=0.3)
        latest = story.latest.milestone
        # Drawn as written: "$...$" is a price or a code here, not mathtext to typeset.
        title = f"{latest.title}\n{story.latest.initiative.name}"
        axes.set_title(title, fontsize=10, parse_math=False)
        drawn = io.BytesIO()
        figure.savefig(drawn, format=kind, metadata={"Date": None} if kind == "svg" else None)
        write_atomic(path, drawn.getvalue())
