"""Re-exporting names that are imported only when first used (PEP 562)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_attributes"]


def lazy_attributes(
    package: str,
    homes: Mapping[str, str],
    made: Mapping[str, Callable[[], object]] | None = None,
) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``name`` from ``homes[name]`` on first use.

    A name of ``made`` is the value its function returns (``__version__``, looked up in
    the installed distribution). The value is stored in the package's namespace, so the
    work happens once.
    """
    namespace = importlib.import_module(package).__dict__
    made = made or {}

    def attribute(name: str) -> Any:  # noqa: ANN401 - any re-exported object
        if name in made:
            value: object = made[name]()
        elif name in homes:
            value = getattr(importlib.import_module(homes[name]), name)
        else:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        namespace[name] = value
        return value

    return attribute
