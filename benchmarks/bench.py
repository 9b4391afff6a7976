"""Measure loading and diffing at scale against the JSON floor and DeepDiff.

    python benchmarks/bench.py --sizes 60,1000,10000,100000 --json benchmarks/results.json

For each N: a synthetic edition and its next edition (benchmarks/synth.py) are written
as snapshots, in TOML and in canonical JSON; then the medians of repeated runs of

- json_floor_s: reading both JSON files and json.loads (the cost of just reading the data);
- toml_floor_s: reading both TOML snapshot files and tomllib.loads (the TOML parser alone);
- load_s: calaim_timeline.load of both TOML snapshot files into checked editions;
- load_json_s: the same from the JSON snapshot files;
- load_threaded_s: the same while another thread runs, so that the collector is not
  paused (calaim_timeline._paused): what a multi-threaded program pays;
- load_careful_s: the same with the loading shortcuts off (``calaim_timeline._fast``): the
  careful reader and checker alone, what load costs without them;
- diff_s: calaim_timeline.diffing.diff of the two loaded editions, matching included;
- compare_floor_s: the least any diff written in Python must do: index the old
  edition's milestones by lineage and compare each milestone of the new one with its
  partner (no matching, no records);
- figures are medians of at least 7 interleaved rounds (more at smaller sizes, so that each
  size gets about the same time); *_spread is the interquartile range over the median,
  and *_report the number of entries of DeepDiff's report
- deepdiff_ignore_order_s: DeepDiff of the two JSON documents with ignore_order=True,
  run in a child process and given up (null) after two minutes;
- deepdiff_group_by_s: DeepDiff of the flat milestone lists with group_by="id";

plus the peak memory (tracemalloc) of our load (JSON) and of our diff, and the precision
and recall of the milestone changes our diff reports against the edits the generator made.

Then the start-up of the command line: the median wall times of
``python -m calaim_timeline diff 2021-01 2021-11`` and ``python -m calaim_timeline
changelog`` against ``python -c "import attrs, cattrs, tomllib"``, run in turn, the
package byte-compiled first as a wheel install leaves it. Last,
each target of the issue with its verdict.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import json
import math
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # tests.matching_corpus

from synth import edition, next_edition
from tests.matching_corpus import cases, scores

import calaim_timeline
from calaim_timeline import Edition, Timeline, _fast, changelog, load, save
from calaim_timeline.diffing import diff

DEEPDIFF_LIMIT_S = 120.0
LARGE = 10_000
TARGET_N = 100_000
DEEPDIFF_N = 1000
CLI_RUNS = 40
CLI = ("-m", "calaim_timeline", "diff", "2021-01", "2021-11")
CHANGELOG = ("-m", "calaim_timeline", "changelog")
BASELINE = ("-c", "import attrs, cattrs, tomllib")
MILESTONE_CHANGES = {
    "milestone-shifted",
    "milestone-dropped",
    "milestone-added",
    "milestone-retitled",
}


def median_time(run: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` runs."""
    return interleaved({"run": run}, repeats)["run_s"]


def interleaved(runs: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Each run's median wall time over ``rounds`` rounds that take every run in turn.

    Taking the figures of one size round by round, not one block each, shares out
    whatever else the machine does; ``{name}_spread`` is the interquartile range over the
    median, so a reader sees how steady each figure was.
    """
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    figures: dict[str, float] = {}
    for name, values in times.items():
        median = statistics.median(values)
        quartiles = statistics.quantiles(values, n=4) if len(values) > 1 else [median] * 3
        figures[f"{name}_s"] = median
        figures[f"{name}_spread"] = (quartiles[2] - quartiles[0]) / median if median else 0.0
    return figures


def peak_mib(run: Callable[[], object]) -> float:
    """The peak memory Python allocates during one run, in MiB."""
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def compare_floor(old: Edition, new: Edition) -> list[bool]:
    """Each milestone of ``new`` compared with its partner in ``old`` by lineage."""
    before = {m.lineage: m for i in old.initiatives for m in i.milestones}
    return [before.get(m.lineage) == m for i in new.initiatives for m in i.milestones]


def deepdiff_child(code: str, paths: list[Path]) -> tuple[float | None, int | None]:
    """Time ``code`` (which sets ``found`` to a DeepDiff) in a child process, and its size.

    (None, None) when it runs past the limit. The size shows which runs did
    milestone-level work: a few entries mean whole initiatives reported as replaced.
    """
    script = (
        "import json, sys, time\nfrom deepdiff import DeepDiff\n"
        "a, b = (json.loads(open(p, encoding='utf-8').read()) for p in sys.argv[1:])\n"
        f"start = time.perf_counter()\n{code}\nseconds = time.perf_counter() - start\n"
        "print(seconds, sum(len(v) for v in found.values()))\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, *map(str, paths)],
            capture_output=True,
            text=True,
            timeout=DEEPDIFF_LIMIT_S,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None, None
    seconds, entries = done.stdout.split()
    return float(seconds), int(entries)


def measure(n: int, repeats: int, *, deepdiff_order: bool) -> dict[str, Any]:
    """Every figure for editions of ``n`` milestones."""
    old = edition(n)
    new, expected = next_edition(old)
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / "synth-a.json", Path(folder) / "synth-b.json"]
        snapshots = [path.with_suffix(".toml") for path in paths]
        for edition_, path, snapshot in zip((old, new), paths, snapshots, strict=True):
            save(edition_, path)
            save(edition_, snapshot)
        size_mb = sum(p.stat().st_size for p in paths) / 1e6

        def floor() -> object:
            return [json.loads(p.read_text(encoding="utf-8")) for p in paths]

        def toml_floor() -> object:
            return [tomllib.loads(p.read_text(encoding="utf-8")) for p in snapshots]

        def ours() -> object:
            return [load(p) for p in snapshots]

        def ours_json() -> object:
            return [load(p) for p in paths]

        def threaded() -> object:
            stop = threading.Event()
            other = threading.Thread(target=stop.wait)
            other.start()
            try:
                return [load(p) for p in paths]
            finally:
                stop.set()
                other.join()

        def careful() -> object:
            _fast.ON = False
            try:
                return [load(p) for p in paths]
            finally:
                _fast.ON = True

        loaded = ours_json()
        if not loaded == ours() == careful():
            msg = "the TOML and JSON snapshots must load alike, shortcuts on or off"
            raise RuntimeError(msg)
        result: dict[str, Any] = {"n": n, "megabytes": round(size_mb, 1)}
        result |= interleaved(
            {
                "json_floor": floor,
                "toml_floor": toml_floor,
                "load": ours,
                "load_json": ours_json,
                "load_threaded": threaded,
                "load_careful": careful,
                "diff": lambda: diff(*loaded),
                "compare_floor": lambda: compare_floor(*loaded),
            },
            repeats,
        )
        result["load_peak_mib"] = peak_mib(ours_json)
        result["diff_peak_mib"] = peak_mib(lambda: diff(*loaded))
        result["deepdiff_ignore_order_s"], result["deepdiff_ignore_order_report"] = (
            deepdiff_child("found = DeepDiff(a, b, ignore_order=True)", paths)
            if deepdiff_order
            else (None, None)
        )
        flat = (
            "def flat(e):\n"
            "    return [dict(m, initiative=i['id'])\n"
            "            for i in e['initiatives'] for m in i['milestones']]\n"
            "fa, fb = flat(a), flat(b)\n"
            "found = DeepDiff(fa, fb, group_by='id')"
        )
        result["deepdiff_group_by_s"], result["deepdiff_group_by_report"] = deepdiff_child(
            flat, paths
        )
    reported = {(c.change, c.milestone) for c in diff(*loaded) if c.change in MILESTONE_CHANGES}
    hits = len(reported & expected.changes)
    result["precision"] = hits / len(reported) if reported else 1.0
    result["recall"] = hits / len(expected.changes) if expected.changes else 1.0
    return result


def table(results: list[dict[str, Any]]) -> str:
    """The results as a markdown table."""
    columns = [
        ("n", "{:>7}"),
        ("megabytes", "{:>6}"),
        ("json_floor_s", "{:>9.4f}"),
        ("toml_floor_s", "{:>9.4f}"),
        ("load_s", "{:>8.4f}"),
        ("load_json_s", "{:>8.4f}"),
        ("load_threaded_s", "{:>8.4f}"),
        ("load_careful_s", "{:>8.4f}"),
        ("diff_s", "{:>8.4f}"),
        ("compare_floor_s", "{:>8.4f}"),
        ("deepdiff_ignore_order_s", "{:>9.4f}"),
        ("deepdiff_ignore_order_report", "{:>7}"),
        ("deepdiff_group_by_s", "{:>9.4f}"),
        ("deepdiff_group_by_report", "{:>7}"),
        ("load_peak_mib", "{:>6}"),
        ("diff_peak_mib", "{:>6}"),
        ("precision", "{:>5.3f}"),
        ("recall", "{:>5.3f}"),
    ]
    heads = [
        "N",
        "MB",
        "json floor",
        "tomllib alone",
        "load (TOML)",
        "load (JSON)",
        "threaded (JSON)",
        "careful (JSON)",
        "diff",
        "compare floor",
        "dd order",
        "dd order entries",
        "dd group",
        "dd group entries",
        "load MiB",
        "diff MiB",
        "prec",
        "recall",
    ]
    lines = [" | ".join(heads), " | ".join("---" for _ in heads)]
    for row in results:
        cells = []
        for key, fmt in columns:
            value = row[key]
            cells.append(">120 s" if value is None else fmt.format(value).strip())
        lines.append(" | ".join(cells))
    return "\n".join(lines)


def cli_times(runs: int) -> dict[str, float]:
    """Median wall times of the two commands and of the import baseline, run in turn.

    The package is byte-compiled first, as installing it from a wheel does (and as
    attrs and cattrs are): an editable install where Python may not write bytecode
    (PYTHONDONTWRITEBYTECODE) would otherwise compile every module on every run.
    """
    compileall.compile_dir(Path(calaim_timeline.__file__).parent, quiet=1)
    commands = {"cli_s": CLI, "changelog_s": CHANGELOG, "baseline_s": BASELINE}
    times: dict[str, list[float]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, arguments in commands.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, *arguments], capture_output=True, check=True)
            times[key].append(time.perf_counter() - start)
    return {key: statistics.median(values) for key, values in times.items()}


def per_doubling(small: dict[str, Any], large: dict[str, Any]) -> float:
    """How many times diff_s grows each time N doubles, between two sizes."""
    doublings = math.log2(large["n"] / small["n"])
    return float((large["diff_s"] / small["diff_s"]) ** (1 / doublings))


def verdicts(
    results: list[dict[str, Any]], cli: dict[str, float], real: dict[str, Any] | None
) -> list[str]:
    """Each target of the benchmark issue, measured, with yes or no."""
    by_n = {row["n"]: row for row in results}
    lines = []

    def say(target: str, measured: str, *, met: bool) -> None:
        lines.append(f"- {target}: {measured}: {'yes' if met else 'NO'}")

    if TARGET_N in by_n:
        row = by_n[TARGET_N]
        floor = row["json_floor_s"]
        say(
            f"N={TARGET_N}, diff (matching included) <= 1.0 x the JSON floor",
            f"{row['diff_s']:.3f} s = {row['diff_s'] / floor:.2f} x {floor:.3f} s"
            f" (comparing the pairs alone: {row['compare_floor_s'] / floor:.2f} x)",
            met=row["diff_s"] <= floor,
        )
        say(
            f"N={TARGET_N}, loading JSON snapshots <= 5 x the JSON floor",
            f"{row['load_json_s']:.3f} s = {row['load_json_s'] / floor:.2f} x {floor:.3f} s",
            met=row["load_json_s"] <= 5 * floor,
        )
        toml = row["toml_floor_s"]
        say(
            f"N={TARGET_N}, loading TOML snapshots <= 1.3 x tomllib alone on the same files",
            f"{row['load_s']:.3f} s = {row['load_s'] / toml:.2f} x {toml:.3f} s",
            met=row["load_s"] <= 1.3 * toml,
        )
        say(
            f"N={TARGET_N}, matching precision and recall 100%",
            f"{row['precision']:.3f} and {row['recall']:.3f}",
            met=row["precision"] == row["recall"] == 1.0,
        )
    if real is not None and real["deepdiff_s"] is not None:
        ratio = real["deepdiff_s"] / real["diff_s"]
        say(
            f"N={real['n']}, real-calendar shape, diff at least 1000 x faster than DeepDiff"
            " ignore_order",
            f"{ratio:.0f} x ({real['diff_s'] * 1e3:.2f} ms against"
            f" {real['deepdiff_s']:.1f} s, a report of {real['deepdiff_report']} entries)",
            met=ratio >= 1000,  # noqa: PLR2004 - the target
        )
    large = [row for row in results if row["n"] >= LARGE]
    for small, big in itertools.pairwise(large):
        growth = per_doubling(small, big)
        say(
            f"diff_s growth per doubling of N, {small['n']} to {big['n']} (n log n allows 2.2)",
            f"{growth:.2f} x",
            met=growth <= 2.2,  # noqa: PLR2004 - about double
        )
    for key, command in (("cli_s", "diff 2021-01 2021-11"), ("changelog_s", "changelog")):
        if key in cli:
            say(
                f"`{command}` within 1.5 x the import of attrs, cattrs, tomllib",
                f"{cli[key] * 1e3:.0f} ms = {cli[key] / cli['baseline_s']:.2f}"
                f" x {cli['baseline_s'] * 1e3:.0f} ms",
                met=cli[key] <= 1.5 * cli["baseline_s"],
            )
    return lines


def real_shape(n: int, rounds: int) -> dict[str, Any]:
    """Our diff and DeepDiff's on editions shaped like the real calendar (about 3 an initiative).

    With initiatives of 5 to 60 milestones most initiatives differ, and DeepDiff with
    ignore_order reports them replaced whole, skipping the pairing; at the real shape it
    pairs milestone by milestone, which is the work a planner needs done.
    """
    old = edition(n, sizes=(2, 4))
    new, _ = next_edition(old)
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / "real-a.json", Path(folder) / "real-b.json"]
        for edition_, path in zip((old, new), paths, strict=True):
            save(edition_, path)
        seconds, report = deepdiff_child("found = DeepDiff(a, b, ignore_order=True)", paths)
    figures = interleaved({"diff": lambda: diff(old, new)}, rounds)
    return {
        "n": n,
        "diff_s": figures["diff_s"],
        "diff_spread": figures["diff_spread"],
        "deepdiff_s": seconds,
        "deepdiff_report": report,
    }


def history_figures(editions: int = 200, milestones: int = 500) -> dict[str, float]:
    """Timeline against the change log over a chain of editions, and its growth.

    The median of seven rounds that take the change log and the history in turn, at
    ``editions`` and at half as many, each of ``milestones``.
    """
    chain = [edition(milestones)]
    for seed in range(editions - 1):
        chain.append(next_edition(chain[-1], seed=seed)[0])
    figures: dict[str, float] = {}
    for count in (editions // 2, editions):
        part = chain[:count]
        runs = {
            f"changelog_{count}": lambda part=part: changelog(part),
            f"history_{count}": lambda part=part: Timeline(part),
        }
        figures |= interleaved(runs, 7)
    half = editions // 2
    figures["history_per_changelog"] = (
        figures[f"history_{editions}_s"] / figures[f"changelog_{editions}_s"]
    )
    figures["history_per_doubling"] = (
        figures[f"history_{editions}_s"] / figures[f"history_{half}_s"]
    )
    figures["changelog_per_doubling"] = (
        figures[f"changelog_{editions}_s"] / figures[f"changelog_{half}_s"]
    )
    return figures


def corpus_table() -> tuple[str, dict[str, dict[str, float]]]:
    """Precision and recall of matching per class of the labelled corpus of edits."""
    undecidable = {case.edit_class for case in cases() if not case.decidable}
    found = scores()
    lines = [f"{'edit class':42} {'precision':>9} {'recall':>7}  (pairs right/wrong/missed)"]
    for name, score in found.items():
        note = "  a reader cannot decide either" if name in undecidable else ""
        lines.append(
            f"{name:42} {score.precision:9.2f} {score.recall:7.2f}"
            f"  ({score.right}/{score.wrong}/{score.missed}){note}"
        )
    plain = {
        name: {"precision": s.precision, "recall": s.recall, "decidable": name not in undecidable}
        for name, s in found.items()
    }
    return "\n".join(lines), plain


def main() -> None:
    """Run the sizes asked for; print the table and the targets; write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="60,1000,10000,100000")
    parser.add_argument("--json", metavar="FILE", help="write the results here")
    parser.add_argument(
        "--repeats",
        type=int,
        default=7,
        help="interleaved rounds per figure at the largest size (at least 7); a size k times"
        " smaller takes k times as many, so that every size gets about the same time",
    )
    parser.add_argument("--cli-runs", type=int, default=CLI_RUNS, help="0 to skip the CLI")
    parser.add_argument(
        "--no-real-shape",
        dest="real_shape",
        action="store_false",
        help="skip DeepDiff on real-calendar-shaped editions (it takes about a minute)",
    )
    args = parser.parse_args()
    results = []
    deepdiff_order = True
    sizes = [int(s) for s in args.sizes.split(",")]
    for n in sizes:
        # Small sizes are quick and noisy: more rounds steady their medians (and so the
        # growth per doubling, which compares sizes).
        repeats = max(args.repeats, 7) * max(1, round(max(sizes) / n))
        row = measure(n, repeats, deepdiff_order=deepdiff_order)
        deepdiff_order = row["deepdiff_ignore_order_s"] is not None  # it only gets slower
        results.append(row)
        print(f"N={n}: done", file=sys.stderr)
    cli = cli_times(args.cli_runs) if args.cli_runs else {}
    real = real_shape(DEEPDIFF_N, max(args.repeats, 7)) if args.real_shape else None
    print(table(results))
    if real is not None:
        shown = "past the limit" if real["deepdiff_s"] is None else f"{real['deepdiff_s']:.1f} s"
        print(
            f"\nReal-calendar shape, N={real['n']} (about 3 milestones an initiative): our diff"
            f" {real['diff_s'] * 1e3:.2f} ms (spread {real['diff_spread']:.0%}); DeepDiff"
            f" ignore_order {shown}, a report of {real['deepdiff_report']} entries"
        )
    print("\nTargets:")
    print("\n".join(verdicts(results, cli, real)))
    history = history_figures()
    print(
        f"\nHistory of 200 editions x 500 milestones: {history['history_200_s']:.2f} s"
        f" = {history['history_per_changelog']:.2f} x the change log"
        f" ({history['changelog_200_s']:.2f} s; target <= 2); doubling the editions"
        f" multiplies it by {history['history_per_doubling']:.2f} (target <= 2.1; the change"
        f" log by {history['changelog_per_doubling']:.2f})"
    )
    corpus, corpus_scores = corpus_table()
    print("\nMatching corpus (tests/matching_corpus.py):")
    print(corpus)
    if args.json:
        document: dict[str, Any] = {
            "results": results,
            "real_shape": real,
            "history": history,
            "matching_corpus": corpus_scores,
        }
        if cli:
            document["cli"] = cli
        Path(args.json).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
