from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import types

import pytest

import calaim_timeline
from calaim_timeline import render
from tests.conftest import DOCS


def test_every_public_name_is_importable_from_the_package() -> None:
    """Each name in __all__ resolves, lazily re-exported or not."""
    for module in (calaim_timeline, render):
        for name in module.__all__:
            assert getattr(module, name) is not None, name


@pytest.mark.parametrize(
    ("name", "home"), [("diff", "diffing"), ("match", "matching"), ("validate", "validation")]
)
def test_every_submodule_is_a_module_and_the_functions_stay_functions(name: str, home: str) -> None:
    """calaim_timeline.diffing is the module, calaim_timeline.diff the function it defines.

    No module is named like a public function, so importing one never changes what the
    package's name means, and ``import calaim_timeline.diff`` is an honest error.
    """
    module = importlib.import_module(f"calaim_timeline.{home}")
    assert isinstance(module, types.ModuleType)
    assert getattr(calaim_timeline, name) is getattr(module, name)
    assert getattr(calaim_timeline, name).__module__ == f"calaim_timeline.{home}"
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(f"calaim_timeline.{name}")
    assert type(calaim_timeline) is types.ModuleType  # no module subclass swapped in


def test_the_package_exports_exactly_what_the_api_page_lists() -> None:
    """__all__ is the set of names in the table of docs/api.md's first section."""
    page = (DOCS / "api.md").read_text(encoding="utf-8")
    table = page.split("## The package (`calaim_timeline`)", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[2] for line in table.splitlines() if line.startswith("| ")][1:]
    listed = {name for row in rows for name in re.findall(r"`(\w+)`", row)}
    assert sorted(calaim_timeline.__all__) == sorted(listed)
    assert len(calaim_timeline.__all__) == len(set(calaim_timeline.__all__))


def test_every_error_is_defined_in_errors_and_exported() -> None:
    """Each exception class of the package lives in calaim_timeline.errors and the top."""
    found = []
    for info in pkgutil.walk_packages(calaim_timeline.__path__, "calaim_timeline."):
        if info.name == "calaim_timeline.__main__":  # importing it runs the command
            continue
        module = importlib.import_module(info.name)
        found += [
            (value.__name__, value.__module__)
            for value in vars(module).values()
            if inspect.isclass(value) and issubclass(value, calaim_timeline.CalaimTimelineError)
        ]
    assert {module for _, module in found} == {"calaim_timeline.errors"}
    assert {name for name, _ in found} <= set(calaim_timeline.__all__)


def test_dir_and_help_show_every_public_name() -> None:
    """``dir()`` (and so ``help()`` and tab completion) gives the public names, lazy ones too."""
    assert dir(calaim_timeline) == sorted(calaim_timeline.__all__)
    assert {"diff", "Archive", "Timeline", "load", "History", "MilestoneShifted"} <= set(
        dir(calaim_timeline)
    )


def test_the_version_is_the_installed_distributions() -> None:
    """``__version__`` is what the package metadata says (looked up when first asked)."""
    from importlib.metadata import version  # noqa: PLC0415

    assert calaim_timeline.__version__ == version("calaim-timeline")


def test_unknown_names_raise_attribute_error() -> None:
    """A name the package does not export is an AttributeError naming it."""
    with pytest.raises(AttributeError, match=r"^module 'calaim_timeline' has no attribute 'nope'$"):
        _ = calaim_timeline.nope  # type: ignore[attr-defined]  # a type error too, rightly
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


def test_what_type_checkers_see_is_what_runs() -> None:
    """The imports under TYPE_CHECKING name exactly the lazy names, from the same modules."""
    import ast  # noqa: PLC0415

    tree = ast.parse(inspect.getsource(calaim_timeline))
    guarded = next(
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    )
    seen = {
        alias.name: node.module
        for node in guarded.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    homes = calaim_timeline._HOMES  # noqa: SLF001 - the table this test holds
    assert seen == {name: home for home, names in homes.items() for name in names}
