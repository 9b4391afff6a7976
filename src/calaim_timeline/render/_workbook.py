"""A workbook's bytes that depend on its content only: the same table, the same file.

openpyxl stamps a saved workbook with the time twice over: the document's ``modified``
property (set to now by ``save``, whatever was asked) and each part's time in the zip
(a sheet is written from a temporary file, with that file's time).
Both are fixed here, so that writing a table twice, a second apart, gives one file.
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = ["STAMP", "workbook_bytes"]

STAMP: Final = datetime(2000, 1, 1)  # noqa: DTZ001 - a fixed stamp, in Excel's zone-less time
"""The time every workbook says it was made and last changed."""


class _Stamped(zipfile.ZipFile):
    """A zip whose parts all carry the fixed stamp, not the time they were written."""

    def writestr(  # type: ignore[override]
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: bytes | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, STAMP.timetuple()[:6])
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(  # type: ignore[override]
        self,
        filename: str | os.PathLike[str],
        arcname: str | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = arcname if arcname is not None else os.fspath(filename)
        self.writestr(name, Path(filename).read_bytes(), compress_type, compresslevel)


def workbook_bytes(book: Workbook) -> bytes:
    """``book`` saved as an .xlsx file's bytes, stamped with :data:`STAMP`."""
    from openpyxl.writer.excel import ExcelWriter  # noqa: PLC0415 - heavy, and optional

    book.properties.created = book.properties.modified = STAMP
    buffer = io.BytesIO()
    with _Stamped(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()
    return buffer.getvalue()
