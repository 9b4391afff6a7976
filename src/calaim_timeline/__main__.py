"""``python -m calaim_timeline``: the same as the ``calaim-timeline`` command."""

from calaim_timeline.cli import console

console()
