from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import calaim_timeline
from calaim_timeline import render


def test_every_public_name_is_importable_from_the_package() -> None:
    """Each name in __all__ resolves, lazily re-exported or not."""
    for module in (calaim_timeline, render):
        for name in module.__all__:
            assert getattr(module, name) is not None, name


def test_validate_stays_the_function_after_its_module_is_imported() -> None:
    """Importing calaim_timeline.validate does not hide the validate function."""
    importlib.import_module("calaim_timeline.validate")
    assert callable(calaim_timeline.validate)
    assert calaim_timeline.validate.__module__ == "calaim_timeline.validate"


def test_unknown_names_raise_attribute_error() -> None:
    """A name the package does not export is an AttributeError naming it."""
    with pytest.raises(AttributeError, match=r"^module 'calaim_timeline' has no attribute 'nope'$"):
        _ = calaim_timeline.nope
    with pytest.raises(
        AttributeError, match=r"^module 'calaim_timeline\.render' has no attribute 'Nope'$"
    ):
        _ = render.Nope


def _public_definitions() -> list[tuple[str, object]]:
    """Every class and function a public module defines and lists in its __all__."""
    found: list[tuple[str, object]] = []
    for info in pkgutil.walk_packages(calaim_timeline.__path__, "calaim_timeline."):
        if any(part.startswith("_") for part in info.name.split(".")[1:]):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            home = getattr(value, "__module__", None) or ""
            defined_here = home == info.name or home.startswith(f"{info.name}._")
            if defined_here and (inspect.isclass(value) or inspect.isfunction(value)):
                found.append((f"{info.name}.{name}", value))
    return found


def test_every_public_function_and_class_has_a_runnable_example() -> None:
    """Each docstring of the public API shows an example, which --doctest-modules runs."""
    definitions = _public_definitions()
    without = [name for name, value in definitions if ">>>" not in (inspect.getdoc(value) or "")]
    assert (len(definitions) >= 99, without) == (True, [])
