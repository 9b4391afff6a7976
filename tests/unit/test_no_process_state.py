"""No process-wide state: the collector's pause is never seen by another thread."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading

from calaim_timeline import Archive, diff


def test_another_thread_never_sees_the_collector_off_while_diffs_run() -> None:
    """Diffs in two threads; the main thread finds the collector on at every look."""
    archive = Archive.bundled()
    old, new = archive["2021-01"], archive["2021-11"]
    done = threading.Event()

    def diffing() -> None:
        while not done.is_set():
            diff(old, new)

    workers = [threading.Thread(target=diffing) for _ in range(2)]
    for worker in workers:
        worker.start()
    try:
        seen = [gc.isenabled() for _ in range(2000)]
    finally:
        done.set()
        for worker in workers:
            worker.join()
    assert (seen.count(True), gc.isenabled()) == (2000, True)


def test_a_callers_own_switch_is_kept() -> None:
    """A caller that switched the collector off finds it off after a diff and a load."""
    archive = Archive.bundled()
    gc.disable()
    try:
        diff(archive["2021-01"], archive["2021-11"])
        assert gc.isenabled() is False
    finally:
        gc.enable()


def test_a_lone_thread_pauses_the_collector_and_resumes_it() -> None:
    """In a process of one thread the work runs paused, and the collector is on after."""
    code = (
        "import gc\n"
        "from calaim_timeline._paused import paused\n"
        "print(paused(gc.isenabled)(), gc.isenabled())\n"
        "gc.disable()\n"
        "print(paused(gc.isenabled)(), gc.isenabled())\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "False True\nFalse False\n"
