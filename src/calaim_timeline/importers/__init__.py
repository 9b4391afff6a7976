"""Importers: published documents into editions."""

from calaim_timeline.importers.dhcs_table import import_table, import_table_file

__all__ = ["import_table", "import_table_file"]
