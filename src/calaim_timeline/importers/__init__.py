"""Importers: published documents into editions.

``import_table_file`` reads a file as its suffix and content say (the month grid of the
published calendar, or list tables); ``import_table`` reads the grid's markdown text.
"""

from calaim_timeline.importers._vocabulary import month_number
from calaim_timeline.importers.files import import_table, import_table_file

__all__ = ["import_table", "import_table_file", "month_number"]
