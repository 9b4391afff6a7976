"""Measure loading and diffing at scale against the JSON floor and DeepDiff.

    python benchmarks/bench.py --sizes 60,1000,10000,100000 --json benchmarks/results.json

For each N: a synthetic edition and its next edition (benchmarks/synth.py) are written
as snapshots, in TOML and in canonical JSON; then the medians of repeated runs of

- json_floor_s: reading both JSON files and json.loads (the cost of just reading the data);
- load_s: calaim_timeline.load of both TOML snapshot files into checked editions;
- load_json_s: the same from the JSON snapshot files;
- diff_s: calaim_timeline.diff.diff of the two loaded editions, matching included;
- compare_floor_s: the least any diff written in Python must do: index the old
  edition's milestones by lineage and compare each milestone of the new one with its
  partner (no matching, no records);
- deepdiff_ignore_order_s: DeepDiff of the two JSON documents with ignore_order=True,
  run in a child process and given up (null) after two minutes;
- deepdiff_group_by_s: DeepDiff of the flat milestone lists with group_by="id";

plus the peak memory (tracemalloc) of our load (JSON) and of our diff, and the precision
and recall of the milestone changes our diff reports against the edits the generator made.

Then the start-up of the command line: the median wall time of
``python -m calaim_timeline diff 2021-01 2021-11`` against
``python -c "import attrs, cattrs, tomllib"``, run alternately. Last, each target of the
issue with its verdict.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # tests.matching_corpus

from synth import edition, next_edition
from tests.matching_corpus import cases, scores

from calaim_timeline import Edition, Timeline, changelog, load, save
from calaim_timeline.diff import diff

DEEPDIFF_LIMIT_S = 120.0
LARGE = 10_000
TARGET_N = 100_000
DEEPDIFF_N = 1000
CLI_RUNS = 40
CLI = ("-m", "calaim_timeline", "diff", "2021-01", "2021-11")
BASELINE = ("-c", "import attrs, cattrs, tomllib")
MILESTONE_CHANGES = {
    "milestone-shifted",
    "milestone-dropped",
    "milestone-added",
    "milestone-retitled",
}


def median_time(run: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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


def deepdiff_child(code: str, paths: list[Path]) -> float | None:
    """Time DeepDiff in a child process; None when it runs past the limit."""
    script = (
        "import json, sys, time\nfrom deepdiff import DeepDiff\n"
        "a, b = (json.loads(open(p, encoding='utf-8').read()) for p in sys.argv[1:])\n"
        f"start = time.perf_counter()\n{code}\nprint(time.perf_counter() - start)\n"
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
        return None
    return float(done.stdout.strip())


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

        def ours() -> object:
            return [load(p) for p in snapshots]

        def ours_json() -> object:
            return [load(p) for p in paths]

        loaded = ours_json()
        if loaded != ours():
            msg = "the TOML and JSON snapshots must load alike"
            raise RuntimeError(msg)
        result: dict[str, Any] = {"n": n, "megabytes": round(size_mb, 1)}
        result["json_floor_s"] = median_time(floor, repeats)
        result["load_s"] = median_time(ours, repeats)
        result["load_json_s"] = median_time(ours_json, repeats)
        result["diff_s"] = median_time(lambda: diff(*loaded), repeats)
        result["compare_floor_s"] = median_time(lambda: compare_floor(*loaded), repeats)
        result["load_peak_mib"] = peak_mib(ours_json)
        result["diff_peak_mib"] = peak_mib(lambda: diff(*loaded))
        result["deepdiff_ignore_order_s"] = (
            deepdiff_child("DeepDiff(a, b, ignore_order=True)", paths) if deepdiff_order else None
        )
        flat = (
            "def flat(e):\n"
            "    return [dict(m, initiative=i['id'])\n"
            "            for i in e['initiatives'] for m in i['milestones']]\n"
            "fa, fb = flat(a), flat(b)\n"
            "DeepDiff(fa, fb, group_by='id')"
        )
        result["deepdiff_group_by_s"] = deepdiff_child(flat, paths)
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
        ("load_s", "{:>8.4f}"),
        ("load_json_s", "{:>8.4f}"),
        ("diff_s", "{:>8.4f}"),
        ("compare_floor_s", "{:>8.4f}"),
        ("deepdiff_ignore_order_s", "{:>9.4f}"),
        ("deepdiff_group_by_s", "{:>9.4f}"),
        ("load_peak_mib", "{:>6}"),
        ("diff_peak_mib", "{:>6}"),
        ("precision", "{:>5.3f}"),
        ("recall", "{:>5.3f}"),
    ]
    heads = [
        "N",
        "MB",
        "json floor",
        "load (TOML)",
        "load (JSON)",
        "diff",
        "compare floor",
        "dd order",
        "dd group",
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
    """Median wall times of the command line and of the import baseline, run alternately."""
    times: dict[str, list[float]] = {"cli_s": [], "baseline_s": []}
    for _ in range(runs):
        for key, arguments in (("cli_s", CLI), ("baseline_s", BASELINE)):
            start = time.perf_counter()
            subprocess.run([sys.executable, *arguments], capture_output=True, check=True)
            times[key].append(time.perf_counter() - start)
    return {key: statistics.median(values) for key, values in times.items()}


def per_doubling(small: dict[str, Any], large: dict[str, Any]) -> float:
    """How many times diff_s grows each time N doubles, between two sizes."""
    doublings = math.log2(large["n"] / small["n"])
    return float((large["diff_s"] / small["diff_s"]) ** (1 / doublings))


def verdicts(results: list[dict[str, Any]], cli: dict[str, float]) -> list[str]:
    """Each target of the benchmark issue, measured, with yes or no."""
    by_n = {row["n"]: row for row in results}
    lines = []

    def say(target: str, measured: str, *, met: bool) -> None:
        lines.append(f"- {target}: {measured}: {'yes' if met else 'NO'}")

    if TARGET_N in by_n:
        row = by_n[TARGET_N]
        floor = row["json_floor_s"]
        say(
            f"N={TARGET_N}, diff_s <= 0.5 x json_floor_s",
            f"{row['diff_s']:.3f} s = {row['diff_s'] / floor:.1f} x {floor:.3f} s"
            f" (comparing the pairs alone: {row['compare_floor_s'] / floor:.2f} x)",
            met=row["diff_s"] <= 0.5 * floor,
        )
        for key, name in (("load_s", "TOML"), ("load_json_s", "JSON")):
            say(
                f"N={TARGET_N}, load_s ({name} snapshots) <= 8 x json_floor_s",
                f"{row[key]:.3f} s = {row[key] / floor:.1f} x {floor:.3f} s",
                met=row[key] <= 8 * floor,
            )
        say(
            f"N={TARGET_N}, matching precision and recall 100%",
            f"{row['precision']:.3f} and {row['recall']:.3f}",
            met=row["precision"] == row["recall"] == 1.0,
        )
    if DEEPDIFF_N in by_n and by_n[DEEPDIFF_N]["deepdiff_ignore_order_s"] is not None:
        row = by_n[DEEPDIFF_N]
        ratio = row["deepdiff_ignore_order_s"] / row["diff_s"]
        say(
            f"N={DEEPDIFF_N}, diff at least 1000 x faster than DeepDiff ignore_order",
            f"{ratio:.0f} x ({row['diff_s'] * 1e3:.2f} ms against"
            f" {row['deepdiff_ignore_order_s'] * 1e3:.0f} ms)",
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
    if cli:
        say(
            "command line within 1.5 x the import of attrs, cattrs, tomllib",
            f"{cli['cli_s'] * 1e3:.0f} ms = {cli['cli_s'] / cli['baseline_s']:.2f}"
            f" x {cli['baseline_s'] * 1e3:.0f} ms",
            met=cli["cli_s"] <= 1.5 * cli["baseline_s"],
        )
    return lines


def history_figures(editions: int = 200, milestones: int = 500) -> dict[str, float]:
    """Timeline against the change log over a chain of editions, and its growth.

    Best of three, at ``editions`` and at half as many, each of ``milestones``.
    """
    chain = [edition(milestones)]
    for seed in range(editions - 1):
        chain.append(next_edition(chain[-1], seed=seed)[0])
    figures: dict[str, float] = {}
    for count in (editions // 2, editions):
        part = chain[:count]
        figures[f"changelog_{count}_s"] = median_time(lambda part=part: changelog(part), 3)
        figures[f"history_{count}_s"] = median_time(lambda part=part: Timeline(part), 3)
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
    parser.add_argument("--repeats", type=int, default=5, help="runs per figure (3 from N=10000)")
    parser.add_argument("--cli-runs", type=int, default=CLI_RUNS, help="0 to skip the CLI")
    args = parser.parse_args()
    results = []
    deepdiff_order = True
    for n in (int(s) for s in args.sizes.split(",")):
        repeats = args.repeats if n < LARGE else min(args.repeats, 3)
        row = measure(n, repeats, deepdiff_order=deepdiff_order)
        deepdiff_order = row["deepdiff_ignore_order_s"] is not None  # it only gets slower
        results.append(row)
        print(f"N={n}: done", file=sys.stderr)
    cli = cli_times(args.cli_runs) if args.cli_runs else {}
    print(table(results))
    print("\nTargets:")
    print("\n".join(verdicts(results, cli)))
    history = history_figures()
    print(
        f"\nHistory of 200 editions x 500 milestones: {history['history_200_s']:.2f} s"
        f" = {history['history_per_changelog']:.2f} x the change log"
        f" ({history['changelog_200_s']:.2f} s; target <= 2); doubling the editions"
        f" multiplies it by {history['history_per_doubling']:.2f}"
        f" (the change log by {history['changelog_per_doubling']:.2f})"
    )
    corpus, corpus_scores = corpus_table()
    print("\nMatching corpus (tests/matching_corpus.py):")
    print(corpus)
    if args.json:
        document: dict[str, Any] = {
            "results": results,
            "history": history,
            "matching_corpus": corpus_scores,
        }
        if cli:
            document["cli"] = cli
        Path(args.json).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
