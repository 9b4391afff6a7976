"""The milestone trend analysis chart: each edition's forecast of each milestone.

The report date (each edition's as-of month) runs along the bottom, the forecast date up
the side. Each milestone is a line through the middle of the period each edition gave
it, over a band from the period's first to its last day, so an imprecise period (a
quarter, a half year) is a tall band, not a point. A line that climbs is a slip; a line
that meets the diagonal (forecast = report date) has come due. The colour is the
initiative's (the milestone's, when all are of one initiative); markers show where a
milestone was added, dropped, left out for a while (a gap) and done. Month labels sit
in the middle of their months, between grid lines on the months' edges. Titles and
labels are drawn as written (a ``$`` is not mathtext). Needs matplotlib:
``pip install 'calaim-timeline[charts]'``.
"""

from __future__ import annotations

import io
import os
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from calaim_timeline._counting import counted
from calaim_timeline._files import write_atomic
from calaim_timeline.errors import ChartError
from calaim_timeline.history import History
from calaim_timeline.model import Status
from calaim_timeline.period import Period, UnknownDate
from calaim_timeline.render._time_axis import day, middle, ticks
from calaim_timeline.render._trend import apart, ending, heights

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["ChartError", "TrendChart"]

INSTALL_HINT: Final = "pip install 'calaim-timeline[charts]'"
_BAR_DAYS: Final = 9.0
_LABEL_WIDTH: Final = 36
"""A legend entry is wrapped to lines this long, three at most."""
_LINE_LABEL: Final = 40
"""A line's own label is its milestone's title cut to this many characters."""
_INSIDE: Final = 6
"""A legend of at most this many entries is drawn inside the chart, a longer one beside it."""
_STYLE: Final[dict[Any, Any]] = {
    "text.parse_math": False,  # text is drawn as written
    "svg.fonttype": "none",  # text stays text in an SVG: searchable, and stable
    "svg.hashsalt": "calaim-timeline",  # the same chart gives the same file
}
_MARKS: Final = {
    "added": ("^", "added (first listed)"),
    "dropped": ("X", "dropped (no longer listed)"),
    "aged": ("s", "aged out (no longer listed, its period passed)"),
    "gap": ("o", "not listed in this edition (gap)"),
    "done": ("*", "done"),
    "unknown": ("D", "listed, date unknown"),
}


_HOLLOW: Final = frozenset({"gap", "unknown", "aged"})
"""The markers drawn hollow (where the milestone is not, or has no date)."""


def _label(text: str) -> str:
    """A legend entry wrapped onto up to three lines, not cut off mid-word."""
    return textwrap.fill(text, _LABEL_WIDTH, max_lines=3, placeholder=" …")


def _short(text: str) -> str:
    return text if len(text) <= _LINE_LABEL else text[: _LINE_LABEL - 1].rstrip() + "…"


@attrs.frozen
class TrendChart:
    """Draw the trend chart of one milestone or several to an ``.svg`` or ``.png`` file.

    Each listing's band has the SVG id ``band-<history key>-<edition id>``, each line
    ``line-<history key>``, each marker ``<added|dropped|done|gap>-<key>[-<edition>]``.

    Examples:
        >>> import pathlib, tempfile
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> story = Timeline(Archive.bundled().editions).find("mot-carve-in-live")
        >>> with tempfile.TemporaryDirectory() as directory:
        ...     path = pathlib.Path(directory) / "mot.svg"
        ...     TrendChart()(story, path)
        ...     'id="band-mot-carve-in-live-2021-11"' in path.read_text()
        True
    """

    width: float = 9.0
    height: float = 6.0
    title: str | None = None
    """The chart's title; by default the milestone's title, or its initiative's name when
    all are of one, else the series' title (or how many are drawn)."""
    series: str | None = None
    """The title of the series the milestones are of, for the default title."""

    def __call__(self, stories: History | Sequence[History], path: str | os.PathLike[str]) -> None:
        """Write the chart to ``path`` atomically; the file type follows its suffix."""
        path = Path(path)
        kind = path.suffix.lower().lstrip(".")
        if kind not in {"svg", "png"}:
            msg = f"cannot draw a chart as {path.suffix!r}: use .svg or .png"
            raise ChartError(msg)
        chosen = (stories,) if isinstance(stories, History) else tuple(stories)
        if not chosen:
            msg = "no milestone to draw: name one, several, or an initiative"
            raise ChartError(msg)
        try:
            import matplotlib as mpl  # noqa: PLC0415 - heavy, and optional
            from matplotlib.figure import Figure  # noqa: PLC0415
        except ImportError:
            msg = f"drawing charts needs matplotlib: {INSTALL_HINT}"
            raise ChartError(msg) from None
        with mpl.rc_context(_STYLE):
            figure = Figure(figsize=(self.width, self.height), layout="constrained")
            axes = figure.add_subplot()
            self._draw(axes, chosen)
            drawn = io.BytesIO()
            metadata = {"Date": None} if kind == "svg" else {"Software": None}
            figure.savefig(drawn, format=kind, metadata=metadata)
        write_atomic(path, drawn.getvalue())

    def _draw(self, axes: Axes, stories: tuple[History, ...]) -> None:
        from matplotlib import colormaps  # noqa: PLC0415 - heavy, and optional

        initiatives = {s.latest.initiative.id for s in stories}
        # A colour per initiative; within one initiative, a colour per milestone.
        names = [s.latest.initiative.name if len(initiatives) > 1 else s.key for s in stories]
        legend = {
            name: story.latest.initiative.name
            if len(initiatives) > 1
            else story.latest.milestone.title
            for name, story in zip(names, stories, strict=True)
        }
        palette = colormaps["tab10" if len(legend) <= 10 else "tab20"]  # noqa: PLR2004
        colours = {name: palette(k % palette.N) for k, name in enumerate(legend)}
        marks_used: set[str] = set()
        apart_by = apart(stories)
        for name, story in zip(names, stories, strict=True):
            marks_used |= _draw_story(axes, story, colours[name], apart_by[story.key])
        if len(stories) > 1:
            _label_lines(axes, stories, apart_by)
        _axes(axes, stories)
        _legend(axes, {_label(v): colours[k] for k, v in legend.items()}, marks_used)
        axes.set_title(self._title(stories, initiatives), fontsize=10)

    def _title(self, stories: tuple[History, ...], initiatives: set[str]) -> str:
        latest = stories[0].latest
        if self.title is not None:
            return self.title
        if len(stories) == 1:
            return f"{latest.milestone.title}\n{latest.initiative.name}"
        count = counted(len(stories), "milestone")
        if len(initiatives) == 1:
            return f"{latest.initiative.name}\n{count}"
        return f"{self.series}\n{count}" if self.series else count


def _axes(axes: Axes, stories: tuple[History, ...]) -> None:
    """Report dates along the bottom from the first listing on, forecast dates up the side."""
    editions = stories[0].editions
    periods = [
        when
        for story in stories
        for listing in story.present
        if isinstance(when := listing.milestone.when, Period)
    ]
    order = [edition for edition, _ in editions]
    since = min(order.index(s.first_seen) for s in stories)
    reports = [as_of for _, as_of in editions[since:]]  # from the first listing on
    low = min((p.start for p in periods), default=reports[0].start)
    low = min(low, reports[0].start)
    high = max((p.end for p in periods), default=reports[-1].end)
    high = max(high, reports[-1].end)
    y_bounds, y_labels = ticks(low, high)
    x_bounds, x_labels = ticks(reports[0].start, reports[-1].end)
    diagonal = [max(x_bounds[0], y_bounds[0]), min(x_bounds[-1], y_bounds[-1])]
    axes.plot(diagonal, diagonal, color="#999999", linestyle="--", linewidth=1, gid="diagonal")
    for set_ticks, bounds, labels, limit in (
        (axes.set_xticks, x_bounds, x_labels, axes.set_xlim),
        (axes.set_yticks, y_bounds, y_labels, axes.set_ylim),
    ):
        set_ticks(bounds, [""] * len(bounds))
        set_ticks([at for at, _ in labels], [text for _, text in labels], minor=True, fontsize=8)
        limit(bounds[0], bounds[-1])
    axes.tick_params(which="minor", length=0)
    axes.tick_params(axis="x", which="minor", labelrotation=90 if len(x_labels) > 6 else 0)  # noqa: PLR2004
    axes.grid(which="major", alpha=0.3)
    axes.set_xlabel("report date (edition as of)")
    axes.set_ylabel("forecast date")


def _legend(
    axes: Axes, lines: dict[str, tuple[float, float, float, float]], marks_used: set[str]
) -> None:
    """A line per entry (label: colour), the diagonal, and each marker the chart uses."""
    from matplotlib.lines import Line2D  # noqa: PLC0415 - heavy, and optional

    handles = [Line2D([], [], color=colour, label=label) for label, colour in lines.items()]
    handles.append(Line2D([], [], color="#999999", linestyle="--", label="forecast = report date"))
    handles += [
        Line2D(
            [],
            [],
            color="#444444",
            marker=_MARKS[name][0],
            linestyle="",
            label=_MARKS[name][1],
            markerfacecolor="none" if name in _HOLLOW else "#444444",
        )
        for name in _MARKS
        if name in marks_used
    ]
    if len(handles) <= _INSIDE:
        axes.legend(handles=handles, fontsize=7, loc="upper left")
    else:  # a long legend goes beside the chart, not over it
        axes.figure.legend(handles=handles, fontsize=7, loc="outside right upper")


def _draw_story(axes: Axes, story: History, colour: object, offset: float = 0.0) -> set[str]:
    """One milestone's bands, line and markers, the line ``offset`` days up; the markers' names."""
    key = story.key
    x_of = {edition: middle(month) for edition, month in story.editions}
    y_of = {edition: y + offset for edition, y in heights(story, x_of).items()}
    used: set[str] = set()
    for listing in story.present:
        when = listing.milestone.when
        x, y = x_of[listing.edition], y_of[listing.edition]
        if isinstance(when, UnknownDate):
            axes.plot(
                x, y, marker="D", markerfacecolor="none", color=colour,
                gid=f"unknown-{key}-{listing.edition}",
            )  # fmt: skip
            used.add("unknown")
            continue
        bottom, top = day(when.start), day(when.end) + 1
        (bar,) = axes.bar(x, top - bottom, bottom=bottom, width=_BAR_DAYS, color=colour, alpha=0.3)
        bar.set_gid(f"band-{key}-{listing.edition}")
        if listing.milestone.status is Status.DONE:
            axes.plot(
                x, y, marker="*", markersize=12, color=colour, gid=f"done-{key}-{listing.edition}"
            )
            used.add("done")
    xs = [x_of[listing.edition] for listing in story.present]
    ys = [y_of[listing.edition] for listing in story.present]
    axes.plot(xs, ys, color=colour, linewidth=1.5, marker=".", gid=f"line-{key}")
    listed = [listing.edition for listing in story.present]
    for gap in story.gaps:
        before = max((e for e in listed if x_of[e] < x_of[gap]), key=x_of.__getitem__)
        axes.plot(
            x_of[gap],
            y_of[before],
            marker="o",
            markerfacecolor="none",
            color=colour,
            gid=f"gap-{key}-{gap}",
        )
        used.add("gap")
    if list(x_of).index(story.first_seen) > 0:
        axes.plot(xs[0], ys[0], marker="^", markersize=8, color=colour, gid=f"added-{key}")
        used.add("added")
    return used | _draw_end(axes, story, colour, (xs[-1], ys[-1]), x_of)


def _draw_end(
    axes: Axes,
    story: History,
    colour: object,
    point: tuple[float, float],
    x_of: dict[str, float],
) -> set[str]:
    """Where a milestone is no longer listed: dropped (✖) or aged out (□); its marker's name."""
    end = ending(story)
    if end is None:
        return set()
    (how, gone), (x, y) = end, point
    if how == "dropped":
        axes.plot([x, x_of[gone]], [y, y], color=colour, linestyle=":", linewidth=1)
        axes.plot(x_of[gone], y, marker="X", markersize=8, color=colour, gid=f"dropped-{story.key}")
        return {"dropped"}
    axes.plot(
        x_of[gone], y, marker="s", markerfacecolor="none", color=colour, gid=f"aged-{story.key}"
    )
    return {"aged"}


def _label_lines(axes: Axes, stories: Sequence[History], apart: dict[str, float]) -> None:
    """Each line's title beside its last point; labels of one place stacked, not overlaid."""
    places: dict[tuple[str, object], int] = {}
    for story in stories:
        place = (story.last_seen, story.latest.milestone.when)
        stacked = places[place] = places.get(place, -1) + 1
        x = middle(dict(story.editions)[story.last_seen])
        when = story.latest.milestone.when
        y = (middle(when) if isinstance(when, Period) else x) + apart[story.key]
        axes.annotate(
            _short(story.latest.milestone.title),
            (x, y),
            xytext=(6, 8 * stacked),  # upwards, as the lines of one date are moved
            textcoords="offset points",
            fontsize=6,
            va="center",
            gid=f"label-{story.key}",
        )
