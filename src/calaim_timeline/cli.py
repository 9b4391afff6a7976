"""The ``calaim-timeline`` command line.

Exit codes: 0 ok; 1 differences found where asked; 2 bad input, with one line per
problem on stderr and no traceback (``--debug`` shows it).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO, cast

from calaim_timeline import _commands as run
from calaim_timeline._commands import EXIT_BAD_INPUT, EXIT_DIFFERENCES, EXIT_OK
from calaim_timeline._own_inputs import refuse_own_inputs
from calaim_timeline._parsers import COMMANDS, build_parser
from calaim_timeline.errors import CalaimTimelineError

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_DIFFERENCES",
    "EXIT_OK",
    "build_parser",
    "console",
    "main",
    "terminate",
]


def _named_command(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (its first word that is no option), if it is one."""
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    return word if word in COMMANDS else None


def _unknown_command(word: str) -> str:
    """That ``word`` is no command, with the closest one if it looks like a misspelling.

    Examples:
        >>> _unknown_command("changlog")
        "unknown command 'changlog': did you mean 'changelog'?"
    """
    import difflib  # noqa: PLC0415 - only for a word that is no command

    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if close:
        return f"unknown command {word!r}: did you mean {close[0]!r}?"
    return f"unknown command {word!r} (commands: {', '.join(COMMANDS)})"


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    Examples:
        >>> import io
        >>> out = io.StringIO()
        >>> main(["validate", "snapshots/2021-11.toml"], out=out)
        0
        >>> print(out.getvalue(), end="")
        ok snapshots/2021-11.toml: edition 2021-11, 18 initiatives, 56 milestones
    """
    argv = sys.argv[1:] if argv is None else argv
    command = _named_command(argv)
    parser = build_parser(command)
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    if command is None and word is not None:
        parser.error(_unknown_command(word))
    args = parser.parse_args(argv)
    stream: TextIO | None = out if out is not None else sys.stdout
    if stream is None:  # started with its standard output closed
        run.report(CalaimTimelineError("cannot write the output: it is closed"))
        return EXIT_BAD_INPUT
    guarded = _Output(stream)
    try:
        refuse_own_inputs(args)
        code: int = args.run(args, cast("TextIO", guarded))
        guarded.flush()  # a full disk or a failing device says so here, not at exit
    except CalaimTimelineError as error:
        if args.debug:
            raise
        run.report(error)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader (say, `head`) went away: not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except _OutputError as failed:  # the output cannot be written
        run.report(CalaimTimelineError(f"cannot write the output: {failed.reason}"))
        _abandon(stream)
        return EXIT_BAD_INPUT
    except ValueError:
        if not stream.closed:
            raise
        run.report(CalaimTimelineError("cannot write the output: it is closed"))
        return EXIT_BAD_INPUT
    return code


class _OutputError(Exception):
    """Writing the command's output failed, for the reason ``error`` gives."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.reason = error.strerror or str(error)


class _Output:
    """The output stream, whose failures are told apart from those of other files.

    A closed pipe (the reader went away) stays a BrokenPipeError: it is no error of ours.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise _OutputError(error) from error

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise _OutputError(error) from error


def _abandon(stream: TextIO) -> None:
    """Send what a failed standard output still buffers to nowhere, so exiting is quiet.

    The way Python's documentation gives for a closed pipe: the descriptor is pointed
    at the null device, and the flush at exit succeeds there.
    """
    if stream is sys.stdout:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def console() -> None:
    """The ``calaim-timeline`` program: :func:`main`, ended cleanly by a termination signal.

    SIGTERM ends the program as Ctrl-C does, through the code that cleans up (a write in
    progress leaves the old file whole and no temporary file), with exit code 143.

    Examples:
        >>> import subprocess, sys
        >>> run = [sys.executable, "-c", "from calaim_timeline.cli import console; console()"]
        >>> subprocess.run([*run, "--version"], capture_output=True, text=True).returncode
        0
    """
    signal.signal(signal.SIGTERM, terminate)
    sys.exit(main())


def terminate(signum: int, _frame: object) -> NoReturn:
    """End the program by raising SystemExit(128 + signum), so that cleanup code runs.

    Examples:
        >>> import signal
        >>> try:
        ...     terminate(signal.SIGTERM, None)
        ... except SystemExit as stop:
        ...     print(stop.code)
        143
    """
    raise SystemExit(128 + signum)
