"""The layers of the package (docs/architecture.md): no upward import, no import cycle.

Every import counts, deferred ones inside functions and ``TYPE_CHECKING`` ones too: a
cycle hidden behind a deferred import is still a cycle a reader has to untangle.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from collections.abc import Iterator
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from types import FrameType

import pytest

from calaim_timeline.changes import CHANGE_TYPES, REGISTRIES, ChangeRecord
from calaim_timeline.importers import import_table_file
from calaim_timeline.render._changelog import sorts
from calaim_timeline.render._describe import describes
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "calaim_timeline"

# Each module's layer, lowest first; a module imports only from lower layers, or from its
# own subpackage. The top-level name of a subpackage stands for all its modules.
LAYERS: dict[str, int] = {
    "errors": 1,
    "_lazy": 0,
    "_paused": 0,
    "_documents": 0,
    "_counting": 0,
    "_notation": 2,
    "_relation": 2,
    "_files": 2,
    "_typed": 2,
    "_similarity": 2,
    "_values": 0,
    "_reporting": 0,
    "period": 3,
    "model": 4,
    "_fast": 5,
    "validation": 6,
    "_converter": 8,
    "_build": 6,
    "_structure": 7,
    "_stages": 6,
    "_lineages": 6,
    "matching": 9,
    "codec": 9,
    "archive": 10,
    "changes": 11,
    "_compare": 12,
    "_order": 12,
    "diffing": 13,
    "_following": 13,
    "_stories": 13,
    "history": 14,
    "importers": 15,
    "render": 15,
    "strategies": 15,
    "_hypothesis_plugin": 16,
    "": 16,  # the package itself: the public API, re-exported
    "_commands": 17,
    "_arguments": 18,
    "_importing": 18,
    "_own_inputs": 18,
    "_publishing": 19,
    "_parsers": 20,
    "cli": 21,
    "__main__": 22,
}


def _module(path: Path) -> str:
    """``changes._base`` for src/calaim_timeline/changes/_base.py; "" for the package."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _submodule(name: str) -> str:
    """``calaim_timeline.NAME`` where NAME is a module of the package, else the package."""
    found = (PACKAGE / f"{name}.py").exists() or (PACKAGE / name).is_dir()
    return f"calaim_timeline.{name}" if found else "calaim_timeline"


def _imports(path: Path) -> Iterator[str]:
    """Every module of ours that ``path`` imports, wherever the import statement stands."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "calaim_timeline":  # from the package, a module of it or a name
                names = [_submodule(alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            if name == "calaim_timeline" or name.startswith("calaim_timeline."):
                yield name.removeprefix("calaim_timeline").removeprefix(".")


GRAPH = {_module(path): set(_imports(path)) - {_module(path)} for path in PACKAGE.rglob("*.py")}


def _layer(module: str) -> int:
    return LAYERS[module.split(".", maxsplit=1)[0]]


def test_every_module_has_a_layer() -> None:
    """A new module must be given its place in LAYERS (and in docs/architecture.md)."""
    assert sorted(m for m in GRAPH if m.split(".")[0] not in LAYERS) == []


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_module_imports_from_a_layer_above_its_own(module: str) -> None:
    """Imports go down the layers, or sideways inside one subpackage."""
    home = module.split(".", maxsplit=1)[0]
    upward = sorted(
        target
        for target in GRAPH[module]
        if target.split(".")[0] != home and _layer(target) >= _layer(module)
    )
    assert upward == []


def test_no_module_imports_a_private_module_of_another_package() -> None:
    """An underscore module is its package's own: others use what the package exports."""
    found = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if "." in target
        and target.split(".")[0] != module.split(".")[0]
        and any(part.startswith("_") for part in target.split(".")[1:])
    )
    assert found == []


def test_only_the_document_modules_import_the_codec() -> None:
    """The change records know nothing of the document form: their JSON and details do."""
    users = sorted(m for m, targets in GRAPH.items() if "codec" in targets and m.startswith("c"))
    assert users == ["changes._details", "changes._json"]


def _body_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    body = node.body
    first = body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and len(body) > 1:
        body = body[1:]  # the docstring aside
    end = body[-1].end_lineno or body[-1].lineno
    return end - body[0].lineno + 1


def test_no_function_body_is_over_fifty_lines() -> None:
    """A function says one thing: a body (docstring aside) of fifty lines at most."""
    long = sorted(
        f"{path.relative_to(PACKAGE)}:{node.name} ({_body_lines(node)} lines)"
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _body_lines(node) > 50
    )
    assert long == []


def test_no_module_is_over_four_hundred_lines() -> None:
    """A module is one concern a reader can hold: four hundred lines at most."""
    long = sorted(
        f"{path.relative_to(PACKAGE)} ({lines} lines)"
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    )
    assert long == []


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if m not in {"", "__main__"}))
def test_every_module_lists_exactly_its_public_names(module: str) -> None:
    """``__all__`` names what the module defines for others, and only what exists."""
    found = importlib.import_module(f"calaim_timeline.{module}")
    listed = getattr(found, "__all__", None)
    assert listed is not None, f"{module} has no __all__"
    defined = {
        name
        for name, value in vars(found).items()
        if not name.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == found.__name__
    }
    assert (sorted(defined - set(listed)), sorted(n for n in listed if not hasattr(found, n))) == (
        [],
        [],
    )


def test_there_is_no_import_cycle() -> None:
    """The modules can be ordered so that each imports only modules before it."""
    try:
        order = list(TopologicalSorter(GRAPH).static_order())
    except CycleError as error:  # pragma: no cover - the message names the cycle
        pytest.fail(f"import cycle: {' -> '.join(error.args[1])}")
    assert set(order) >= set(GRAPH)


def imports_picture() -> str:
    """The import graph between top-level modules and subpackages, highest layer first.

    docs/architecture.md shows exactly this (a test holds it), so the picture cannot
    draw an import that does not exist or leave one out.
    """
    tops: dict[str, set[str]] = {}
    for module, targets in GRAPH.items():
        home = module.split(".", maxsplit=1)[0] or "calaim_timeline"
        found = {t.split(".", maxsplit=1)[0] or "calaim_timeline" for t in targets}
        tops.setdefault(home, set()).update(found - {home})
    width = max(len(name) for name in tops) + 6
    lines = []
    for name in sorted(tops, key=lambda n: (-LAYERS["" if n == "calaim_timeline" else n], n)):
        layer = LAYERS["" if name == "calaim_timeline" else name]
        head = f"{layer:>2} {name}"
        below = ", ".join(sorted(tops[name])) or "(nothing of ours)"
        lines.append(f"{head.ljust(width)} -> {below}")
    return "\n".join(lines) + "\n"


def test_the_picture_of_the_docs_is_the_import_graph() -> None:
    """docs/architecture.md's picture is the import graph, module by module (regenerated)."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    shown = page.split("<!-- imports:start -->\n```text\n", 1)[1].split(
        "```\n<!-- imports:end -->"
    )[0]
    assert shown == imports_picture(), "paste imports_picture() into docs/architecture.md"


def test_the_layers_of_the_docs_are_the_layers_tested() -> None:
    """docs/architecture.md lists each layer's modules as LAYERS does."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| ") and line[2].isdigit()]
    documented = {
        name.strip("` "): int(row.split("|")[1])
        for row in rows
        for name in row.split("|")[2].split(",")
    }
    assert documented == {name or "calaim_timeline": layer for name, layer in LAYERS.items()}


@pytest.mark.parametrize("kind", CHANGE_TYPES, ids=lambda kind: kind.change)
def test_every_change_type_has_all_its_behaviour(kind: type[ChangeRecord]) -> None:
    """A record type implements every ChangeRecord method, and every output words it."""
    assert (issubclass(kind, ChangeRecord), kind.__abstractmethods__) == (True, frozenset())
    assert kind.change.split("-")[0] in {"milestone", "initiative", "footnote", "window"}
    assert (describes(kind), sorts(kind)) == (True, True)


def test_every_table_by_change_type_has_every_change_type() -> None:
    """JSON fields, words, change-log section, digest point, spreadsheet columns: each type."""
    from calaim_timeline.render import _changelog, _describe, _digest, tables  # noqa: F401, PLC0415

    assert {table.concern: table.missing(CHANGE_TYPES) for table in REGISTRIES} == {
        "JSON fields": (),
        "words": (),
        "digest point": (),
        "change-log section": (),
        "table periods": (),
        "table reason": (),
    }


def test_change_names_are_unique() -> None:
    """No two record types share a JSON name."""
    names = [kind.change for kind in CHANGE_TYPES]
    assert len(set(names)) == len(names) == 16


# Inside importers/: what each kind of module is, in the order an import goes through them.
IMPORTERS: dict[str, str] = {
    "importers._vocabulary": "words",
    "importers._options": "words",
    "importers._date_forms": "words",
    "importers._dates": "words",
    "importers._ids": "words",
    "importers._listed": "list edition",
    "importers._document": "document",
    "importers._budget": "document",
    "importers._markdown": "reader",
    "importers._html": "reader",
    "importers._sheets": "reader",
    "importers._pdf": "reader",
    "importers._pdf_text": "pdf text",
    "importers._pdf_lines": "pdf text",
    "importers._pdf_streams": "pdf text",
    "importers._grid_cells": "layout part",
    "importers.dhcs_table": "layout",
    "importers.lists": "layout",
    "importers.bullets": "layout",
    "importers.files": "entry",
    "importers.versions": "entry",
    "importers": "entry",
}
# What each kind may import from inside importers/.
MAY_IMPORT: dict[str, set[str]] = {
    "words": {"words"},
    "document": {"words", "document"},
    "reader": {"words", "document", "pdf text"},
    "pdf text": {"words", "document", "pdf text"},
    "list edition": {"words", "document"},
    "layout part": {"words", "document"},
    "layout": {"words", "document", "list edition", "layout part"},
    "entry": {"words", "document", "reader", "layout", "entry"},
}


def test_every_importer_module_has_a_kind() -> None:
    """A new module of importers/ is given its kind (words, document, reader, layout, entry)."""
    assert sorted(m for m in GRAPH if m.split(".")[0] == "importers") == sorted(IMPORTERS)


@pytest.mark.parametrize("module", sorted(IMPORTERS))
def test_readers_and_layouts_meet_only_in_the_document(module: str) -> None:
    """A reader never imports a layout, nor a layout a reader: both know only the document."""
    kinds = {IMPORTERS[t] for t in GRAPH[module] if t in IMPORTERS}
    assert kinds - MAY_IMPORT[IMPORTERS[module]] == set()


EDITION = {"importers._ids": "edition", "match": "edition", "validate": "edition"}
"""The modules that give an imported draft its ids (with lineage) and check it."""


def test_a_pdf_import_goes_one_way() -> None:
    """Reader, then layout, then the edition's ids and checks: none entered again once left.

    The model, periods and the document's values are used throughout; these are the steps.
    """
    pdf = ROOT / "tests" / "data" / "pdfs" / "libreoffice-cut.pdf"
    entered: list[str] = []

    def note(frame: FrameType, event: str, _: object) -> None:
        name = str(frame.f_globals.get("__name__", ""))
        if event == "call" and name.startswith("calaim_timeline."):
            module = name.removeprefix("calaim_timeline.")
            kind = EDITION.get(module) or IMPORTERS.get(module, "").replace(
                "pdf text", "reader"
            ).replace("layout part", "layout")
            if kind in {"reader", "layout", "edition"} and (not entered or entered[-1] != kind):
                entered.append(kind)

    sys.setprofile(note)
    try:
        import_table_file(pdf, edition_id="2021-11")
    finally:
        sys.setprofile(None)
    assert entered == ["reader", "layout", "edition"]
