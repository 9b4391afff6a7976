"""What one import may cost: cells, columns, characters per cell. Every reader spends here.

A small file can ask for a huge table: a web page whose spans spread each cell over a
thousand columns and rows, a CSV header of a million columns whose rows are then padded to
its width. Each span and each file is capped already; these caps bound the table the
file makes, so that a reader (and any reader added later) refuses it as it grows, naming
the limit and the place. docs/testing.md gives each value and why.
"""

from __future__ import annotations

from typing import Final

import attrs

from calaim_timeline.importers._document import Place, PlacedError

__all__ = ["MAX_CELLS", "MAX_CELL_CHARACTERS", "MAX_COLUMNS", "Budget"]

MAX_CELLS: Final = 1_000_000
"""The most cells one import reads, over all its tables (a calendar has a few hundred)."""
MAX_COLUMNS: Final = 1_000
"""The most columns a row may have (a calendar's grid has 13; a list a handful)."""
MAX_CELL_CHARACTERS: Final = 32_767
"""The most characters a cell may hold: Excel's own limit for a cell."""


@attrs.define
class Budget:
    """The cells an import has read so far; each row and cell is spent before it is kept.

    Examples:
        >>> budget = Budget()
        >>> budget.row(13, Place(row=1))
        >>> budget.cells
        13
        >>> budget.row(60_000_000, Place(row=3))
        Traceback (most recent call last):
        ...
        calaim_timeline.importers._document.PlacedError: a row of 60,000,000 cells; a table \
may have at most 1,000 columns
    """

    cells: int = 0

    def row(self, count: int, place: Place, width: int | None = None) -> None:
        """Spend ``count`` cells of a row at ``place``; PlacedError over a limit.

        ``width`` is how wide the row is then (``count`` unless given).
        """
        if (width or count) > MAX_COLUMNS:
            wide = width or count
            msg = f"a row of {wide:,} cells; a table may have at most {MAX_COLUMNS:,} columns"
            raise PlacedError(msg, place)
        self.cells += count
        if self.cells > MAX_CELLS:
            msg = f"the tables have more than {MAX_CELLS:,} cells here, the most an import reads"
            raise PlacedError(msg, place)

    @staticmethod
    def text(text: str, place: Place) -> None:
        """PlacedError where a cell's text is longer than :data:`MAX_CELL_CHARACTERS`."""
        if len(text) > MAX_CELL_CHARACTERS:
            msg = (
                f"a cell of {len(text):,} characters; a cell may hold at most"
                f" {MAX_CELL_CHARACTERS:,} (Excel's own limit)"
            )
            raise PlacedError(msg, place)
