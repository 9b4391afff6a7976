"""A PDF page's compressed content, inflated only as far as a bound before pdfminer does.

A small PDF can hold a page whose content stream inflates to gigabytes (a run of one
byte compresses a thousandfold): pdfminer would inflate all of it to read the page.
"""

from __future__ import annotations

import base64
import zlib
from typing import Any, Final

from calaim_timeline.importers._document import Place, PlacedError

__all__ = ["MAX_PAGE_STREAM", "bounded_streams"]

MAX_PAGE_STREAM: Final = 32 * 2**20
"""The most bytes a page's content streams may inflate to (a calendar's page: a few KiB)."""


def bounded_streams(page: Any, number: int) -> None:  # noqa: ANN401 - pdfplumber's page
    """PlacedError where the page's compressed content would inflate past the bound.

    Checked before pdfminer inflates it (it would inflate it all): each stream that is
    Flate-compressed (after ASCII85, as some producers write) is inflated here up to the
    bound only. Streams of other filters are left to pdfminer.
    """
    from pdfminer.pdftypes import resolve1  # noqa: PLC0415 - pdf's own extra

    total = 0
    for stream in map(resolve1, getattr(page.page_obj, "contents", None) or ()):
        raw, names = getattr(stream, "rawdata", None), _filters(stream)
        if raw is None or not names or "FlateDecode" not in names:
            continue
        total += _inflated_size(raw, names, MAX_PAGE_STREAM + 1 - total)
        if total > MAX_PAGE_STREAM:
            msg = (
                f"its content inflates to more than {MAX_PAGE_STREAM // 2**20} MiB, the most a"
                " page's may (a calendar's page takes a few KiB)"
            )
            raise PlacedError(msg, Place(page=number))


def _filters(stream: Any) -> list[str]:  # noqa: ANN401 - pdfminer's stream
    found = stream.attrs.get("Filter") if hasattr(stream, "attrs") else None
    named = found if isinstance(found, list) else [found] if found is not None else []
    return [str(getattr(name, "name", name)) for name in named]


def _inflated_size(raw: bytes, names: list[str], most: int) -> int:
    """How many bytes ``raw`` inflates to through its filters, counting at most ``most``.

    Where the data cannot be decoded here (a producer's quirk), 0: pdfminer says what it
    makes of it, and a sound PDF is never refused for this check's sake.
    """
    data = raw
    try:
        for name in names:
            if name == "ASCII85Decode":
                body = data.strip().removeprefix(b"<~").removesuffix(b"~>")
                data = base64.a85decode(body + b"~>", adobe=True)
            elif name == "FlateDecode":
                return len(zlib.decompressobj().decompress(data, most))
            else:
                return 0
    except (ValueError, zlib.error):
        return 0
    return 0
