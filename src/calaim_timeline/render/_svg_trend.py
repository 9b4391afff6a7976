"""The trend chart of an initiative's milestones as inline SVG, for a page: no library.

The same chart as :class:`~calaim_timeline.render.chart.TrendChart` draws (report date
along the bottom, forecast date up the side, a band per listing, a line per milestone,
markers where one was added, dropped, aged out, left out for a while or done), placed by
the same geometry (:mod:`~calaim_timeline.render._trend`), but written as SVG text: a
page needs no matplotlib, and every number is rounded, so the same data gives the same
bytes. Colour is never the only carrier: each line ends in its number, which the page's
list beside the chart names, and every marker has its own shape and a ``<title>``. The
chart has a ``<title>`` and a ``<desc>``; its text equivalent is the page's list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape
from typing import Final

from calaim_timeline.history import History
from calaim_timeline.model import Status
from calaim_timeline.period import Period
from calaim_timeline.render._time_axis import day, middle, ticks
from calaim_timeline.render._trend import apart, ending, heights

__all__ = ["COLOURS", "trend_svg"]

COLOURS: Final = ("#1f5fa8", "#b3261e", "#2e7d32", "#6a3d9a", "#8a5a00", "#00695c", "#ad1457")
"""Line colours, each at least 4.5:1 against white (a test holds them to it)."""
_WIDTH: Final = 720
_HEIGHT: Final = 340
_LEFT, _RIGHT, _TOP, _BOTTOM = 72, 40, 16, 56
_SLANTED: Final = 80
"""The room below the plot when the report dates' labels are slanted."""
_LABEL_ROOM: Final = 64
"""Labels of report dates closer than this many pixels are slanted, so as not to overlap."""
_GAP: Final = 12
"""Numbers at the ends of lines in one column stand at least this many pixels apart."""
_BAND: Final = 8
"""A listing's band is this many pixels wide."""
_SHAPES: Final = {
    "added": "M0,-6L5.5,4H-5.5Z",
    "dropped": "M-5,-5L5,5M5,-5L-5,5",
    "aged": "M-4.5,-4.5H4.5V4.5H-4.5Z",
    "gap": "M4.5,0A4.5,4.5,0,1,1,-4.5,0A4.5,4.5,0,1,1,4.5,0Z",
    "unknown": "M0,-6L6,0L0,6L-6,0Z",
    "done": "M0,-7L2,-2L7,-2L3,1L5,6L0,3L-5,6L-3,1L-7,-2L-2,-2Z",
}
MARK_WORDS: Final = {
    "added": "added (first listed)",
    "dropped": "dropped (no longer listed)",
    "aged": "aged out (no longer listed, its period passed)",
    "gap": "not listed in this edition (gap)",
    "unknown": "listed, date unknown",
    "done": "done",
}
_FILLED: Final = frozenset({"added", "done"})


class _Scale:
    """Days to pixels on both axes."""

    def __init__(self, stories: Sequence[History]) -> None:
        editions = stories[0].editions
        order = [edition for edition, _ in editions]
        since = min(order.index(s.first_seen) for s in stories)
        reports = [as_of for _, as_of in editions[since:]]
        periods = [
            listing.milestone.when
            for story in stories
            for listing in story.present
            if isinstance(listing.milestone.when, Period)
        ]
        low = min([reports[0].start, *(p.start for p in periods)])
        high = max([reports[-1].end, *(p.end for p in periods)])
        self.y_bounds, self.y_labels = ticks(low, high)
        self.x_bounds, self.x_labels = ticks(reports[0].start, reports[-1].end)
        self.slanted = (_WIDTH - _LEFT - _RIGHT) / len(self.x_labels) < _LABEL_ROOM
        self.bottom = _SLANTED if self.slanted else _BOTTOM
        most = max(Counter(story.last_seen for story in stories).values())
        self.height = max(_HEIGHT, _TOP + self.bottom + _GAP * (most + 1))

    def x(self, value: float) -> float:
        low, high = self.x_bounds[0], self.x_bounds[-1]
        return _LEFT + (value - low) / (high - low) * (_WIDTH - _LEFT - _RIGHT)

    def y(self, value: float) -> float:
        low, high = self.y_bounds[0], self.y_bounds[-1]
        plot = self.height - _TOP - self.bottom
        return self.height - self.bottom - (value - low) / (high - low) * plot


def _n(value: float) -> str:
    """A coordinate, rounded: the same chart gives the same bytes."""
    return f"{value:.1f}".removesuffix(".0")


def _axes(scale: _Scale) -> list[str]:
    parts = ['<g class="axes" stroke="#d0d0d0">']
    bottom, top = scale.height - scale.bottom, _TOP
    parts += [f'<path d="M{_n(scale.x(at))},{top}V{bottom}"/>' for at in scale.x_bounds]
    parts += [f'<path d="M{_LEFT},{_n(scale.y(at))}H{_WIDTH - _RIGHT}"/>' for at in scale.y_bounds]
    # The forecast axis covers the report dates too, so the diagonal always shows.
    low = max(scale.x_bounds[0], scale.y_bounds[0])
    high = min(scale.x_bounds[-1], scale.y_bounds[-1])
    parts.append(
        f'<path d="M{_n(scale.x(low))},{_n(scale.y(low))}L{_n(scale.x(high))},'
        f'{_n(scale.y(high))}" stroke="#595959" stroke-dasharray="4 3">'
        "<title>forecast = report date</title></path>"
    )
    parts.append('</g><g class="labels" font-size="11" fill="#1a1a1a">')
    slant = ' text-anchor="end" transform="rotate(-45 {x},{y})"'
    upright = ' text-anchor="middle"'
    parts += [
        f'<text x="{x}" y="{y}"{(slant if scale.slanted else upright).format(x=x, y=y)}>'
        f"{escape(text)}</text>"
        for x, y, text in ((_n(scale.x(at)), bottom + 14, text) for at, text in scale.x_labels)
    ]
    parts += [
        f'<text x="{_LEFT - 6}" y="{_n(scale.y(at) + 4)}" text-anchor="end">{escape(text)}</text>'
        for at, text in scale.y_labels
    ]
    parts.append(
        f'<text x="{_n((_LEFT + _WIDTH - _RIGHT) / 2)}" y="{scale.height - 12}"'
        ' text-anchor="middle">'
        "report date (edition as of)</text>"
        f'<text transform="translate(14,{_n((_TOP + scale.height - scale.bottom) / 2)})'
        ' rotate(-90)"'
        ' text-anchor="middle">forecast date</text></g>'
    )
    return parts


def _mark(name: str, x: float, y: float, colour: str, about: str) -> str:
    fill = colour if name in _FILLED else "#fff"
    return (
        f'<path class="mark-{name}" transform="translate({_n(x)},{_n(y)})" d="{_SHAPES[name]}"'
        f' fill="{fill}" stroke="{colour}" stroke-width="1.5">'
        f"<title>{escape(about)}: {MARK_WORDS[name]}</title></path>"
    )


def _story(
    story: History, number: int, colour: str, offset: float, scale: _Scale
) -> tuple[list[str], tuple[float, float]]:
    """The milestone's bands, line and markers, and the point its line ends at."""
    x_of = {edition: middle(month) for edition, month in story.editions}
    y_of = {edition: y + offset for edition, y in heights(story, x_of).items()}
    title = escape(story.latest.milestone.title)
    parts = [
        f'<g class="milestone" data-key="{escape(story.key)}"><title>{number}. {title}</title>'
    ]
    points = []
    for listing in story.present:
        x, y = scale.x(x_of[listing.edition]), scale.y(y_of[listing.edition])
        points.append(f"{_n(x)},{_n(y)}")
        when = listing.milestone.when
        if not isinstance(when, Period):
            parts.append(_mark("unknown", x, y, colour, listing.edition))
            continue
        top, bottom = scale.y(day(when.end) + 1), scale.y(day(when.start))
        parts.append(
            f'<rect x="{_n(x - _BAND / 2)}" y="{_n(top)}" width="{_BAND}"'
            f' height="{_n(max(bottom - top, 1.0))}" fill="{colour}" fill-opacity="0.25"/>'
        )
        if listing.milestone.status is Status.DONE:
            parts.append(_mark("done", x, y, colour, listing.edition))
    parts.append(
        f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="2"/>'
    )
    listed = [listing.edition for listing in story.present]
    for gap in story.gaps:
        before = max((e for e in listed if x_of[e] < x_of[gap]), key=x_of.__getitem__)
        parts.append(_mark("gap", scale.x(x_of[gap]), scale.y(y_of[before]), colour, gap))
    first, last = story.present[0].edition, story.present[-1].edition
    if story.first_seen != story.editions[0][0]:
        parts.append(_mark("added", scale.x(x_of[first]), scale.y(y_of[first]), colour, first))
    end = ending(story)
    x, y = scale.x(x_of[last]), scale.y(y_of[last])
    if end is not None:
        how, gone = end
        parts.append(_mark(how, scale.x(x_of[gone]), y, colour, gone))
    parts.append("</g>")
    return parts, (x, y)


def _numbers(ends: list[tuple[float, float, int, str]], scale: _Scale) -> list[str]:
    """Each line's number beside its end, numbers of one column kept :data:`_GAP` apart.

    A number moved from its line's end is tied to it by a short stroke.
    """
    parts = ['<g class="numbers" font-size="11" font-weight="600">']
    columns: dict[float, list[tuple[float, float, int, str]]] = {}
    for end in ends:
        columns.setdefault(end[0], []).append(end)
    for x, column in columns.items():
        column.sort(key=lambda end: (end[1], end[2]))
        placed: list[float] = []
        for _, y, _, _ in column:  # down from the top, each at least _GAP below the last
            placed.append(max(y, placed[-1] + _GAP) if placed else y)
        limit: float = scale.height - scale.bottom
        for k in reversed(range(len(placed))):  # and back up from the bottom of the plot
            placed[k] = min(placed[k], limit)
            limit = placed[k] - _GAP
        for (_, y, number, colour), at in zip(column, placed, strict=True):
            if abs(at - y) > 1:
                parts.append(
                    f'<path d="M{_n(x + 2)},{_n(y)}L{_n(x + 7)},{_n(at)}" stroke="{colour}"/>'
                )
            parts.append(f'<text x="{_n(x + 9)}" y="{_n(at + 4)}" fill="{colour}">{number}</text>')
    parts.append("</g>")
    return parts


def trend_svg(stories: Sequence[History], ident: str, label: str, description: str) -> str:
    """The chart of ``stories`` (one initiative's), numbered 1 to n in their order.

    ``ident`` is unique in the page (the title's and description's ids derive from it);
    ``label`` is the chart's title and ``description`` its ``<desc>``.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> stories = Timeline(Archive.bundled().editions).of_initiative("dental")
        >>> svg = trend_svg(stories, "dental", "Dental", "4 milestones.")
        >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 340"')
        True
        >>> svg.count('<g class="milestone"'), '<title id="dental-title">Dental</title>' in svg
        (4, True)
    """
    scale = _Scale(stories)
    ident = escape(ident)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {scale.height}"'
            ' role="img" font-family="system-ui, sans-serif"'
            f' aria-labelledby="{ident}-title {ident}-desc">'
            f'<title id="{ident}-title">{escape(label)}</title>'
            f'<desc id="{ident}-desc">{escape(description)}</desc>'
        ),
        *_axes(scale),
    ]
    spread = apart(stories)
    ends = []
    for number, story in enumerate(stories, 1):
        colour = COLOURS[(number - 1) % len(COLOURS)]
        drawn, (x, y) = _story(story, number, colour, spread[story.key], scale)
        parts += drawn
        ends.append((x, y, number, colour))
    parts += _numbers(ends, scale)
    parts.append("</svg>")
    return "".join(parts)
