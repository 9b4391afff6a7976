"""An output is never one of a command's inputs: the one check every writer shares."""

from __future__ import annotations

import argparse
import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from calaim_timeline.errors import WriteError

__all__ = ["OUTPUTS", "refuse_own_inputs"]

OUTPUTS: Final = ("output", "chart")
"""The options a command writes a file to."""


def refuse_own_inputs(args: argparse.Namespace) -> None:
    """WriteError where an output is a file the command reads, however the path is spelt.

    The inputs are every file an argument names (a folder: the files in it), and the
    snapshots of the archive read, unless the command writes into the archive (an import,
    which has its own check). Symlinks, ``..`` and a case-insensitive file system all
    name the same file: the test is the file's identity.
    """
    outputs = [value for name in OUTPUTS if isinstance(value := getattr(args, name, None), str)]
    if not outputs:
        return
    for given in _inputs(args):
        for output in outputs:
            if _same_file(Path(output), given):
                msg = f"it is a file this command reads ({given}): write the output elsewhere"
                raise WriteError(output, msg, errno.EEXIST)


def _same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file (False where either is not there)."""
    try:
        return one.samefile(other)
    except (OSError, ValueError):
        return False


def _inputs(args: argparse.Namespace) -> Iterator[Path]:
    """The files a command reads: those its arguments name, and the archive's snapshots."""
    named = [
        Path(value)
        for name, values in vars(args).items()
        if name not in {*OUTPUTS, "snapshots"}
        for value in (values if isinstance(values, list) else [values])
        if isinstance(value, str) and value
    ]
    if not getattr(args, "writes_archive", False):  # an import checks its own target
        named.append(Path(getattr(args, "snapshots", None) or "snapshots"))
    for path in named:
        with contextlib.suppress(OSError, ValueError):  # a name too long, a NUL: no file
            if path.is_dir():
                yield from (child for child in path.iterdir() if child.is_file())
            elif path.is_file():
                yield path
