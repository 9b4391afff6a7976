"""Pause the cyclic garbage collector while building many objects that form no cycles.

Loading a large snapshot or diffing two large editions allocates hundreds of thousands
of small objects and frees none of them; each allocation past the collector's threshold
starts a collection that finds nothing to free, and the young objects are walked again
and again. Pausing it for the duration is measured in benchmarks/: about a quarter of the
time of a diff at 100,000 milestones. Reference counting still frees everything as
usual; the collector is resumed on the way out, error or not.

The collector's switch is the whole process's, so it is touched only when no other thread
could see it: the pause happens only while the calling thread is the process's one
thread (``threading.active_count() == 1``) and the collector is on. With other threads
running, or with the collector switched off by the caller, the work runs as it is, a
quarter slower, and nothing of the process's state changes. Threads started outside the
``threading`` module (by C code, or ``_thread`` directly) are not counted.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

__all__ = ["paused"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def paused(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` with the cyclic garbage collector paused, where no one else can see.

    Examples:
        >>> import gc
        >>> @paused
        ... def collecting():
        ...     return gc.isenabled()
        >>> collecting(), gc.isenabled()
        (False, True)
    """

    @wraps(function)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if threading.active_count() > 1 or not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return run
