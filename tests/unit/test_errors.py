from __future__ import annotations

from calaim_timeline import Problem, SnapshotError, ValidationError, format_errors


def test_format_errors_gives_one_line_per_problem() -> None:
    """Our errors become their lines; anything else its type and message."""
    problems = [Problem("", "empty document"), Problem("id", "must not be empty")]
    assert format_errors(ValidationError(None, problems)) == (
        "empty document",
        "id: must not be empty",
    )
    assert format_errors(SnapshotError("bad", source="a.toml", line=3, column=7, path="id")) == (
        "a.toml:3:7: id: bad",
    )
    assert format_errors(SnapshotError("bad")) == ("<input>: bad",)
    assert format_errors(OSError("disk full")) == ("OSError: disk full",)


def test_a_single_problem_is_counted_in_the_singular() -> None:
    """The summary of one problem says 'problem'."""
    assert str(ValidationError("a.toml", [Problem("id", "x")])) == "a.toml: 1 problem: id: x"
