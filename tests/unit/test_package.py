from __future__ import annotations

import importlib

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
