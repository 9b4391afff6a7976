"""Re-exporting names that are imported only when first used (PEP 562)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_attributes"]


def lazy_attributes(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``name`` from ``homes[name]`` on first use.

    The value is stored in the package's namespace, so the import happens once.
    """
    namespace = importlib.import_module(package).__dict__

    def attribute(name: str) -> Any:  # noqa: ANN401 - any re-exported object
        if name not in homes:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(homes[name]), name)
        namespace[name] = value
        return value

    return attribute
