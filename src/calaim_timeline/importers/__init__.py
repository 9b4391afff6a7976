"""Importers: published documents into editions."""

from calaim_timeline.importers.dhcs_table import import_table

__all__ = ["import_table"]
