"""The architecture as the issue asked for it, checked on the source: the language is decided
once (words/ and the command line), one view feeds every output, and no module reaches up."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "sockprogress"
# Where a language may still be named: the words themselves and the edge that picks one.
SPEAKS = ("words/", "cli.py")


def modules() -> dict[str, Path]:
    return {
        ".".join(p.relative_to(SRC.parent).with_suffix("").parts).removesuffix(".__init__"): p
        for p in SRC.rglob("*.py")
    }


def imports(name: str, path: Path) -> set[str]:
    """Every sockprogress module `path` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("sockprogress")}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module.startswith("sockprogress"):
                found.add(module)
                found |= {f"{module}.{a.name}" for a in node.names}
    known = modules()
    return {m for m in found if m in known and m != name}


def test_no_function_below_the_edge_takes_or_tests_a_language() -> None:
    pattern = re.compile(r"lang ==|lang: str")
    offenders = [
        f"{p.relative_to(SRC)}:{n}"
        for p in SRC.rglob("*.py")
        if not str(p.relative_to(SRC)).startswith(SPEAKS)
        for n, line in enumerate(p.read_text("utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize("renderer", ["rendering.html", "rendering.excel", "rendering.docx"])
def test_the_page_the_workbook_and_the_document_lay_out_one_view(renderer: str) -> None:
    found = modules()
    used = set().union(
        *(imports(m, p) for m, p in found.items() if m.startswith(f"sockprogress.{renderer}"))
    )
    assert "sockprogress.rendering.view" in used


@pytest.mark.parametrize("module", ["cli", "checking", "editing"])
def test_the_command_line_and_editing_do_not_reach_into_the_renderers(module: str) -> None:
    found = modules()
    used = set().union(
        *(imports(m, p) for m, p in found.items() if m.startswith(f"sockprogress.{module}"))
    )
    assert not {m for m in used if m.startswith("sockprogress.rendering")}


def test_the_words_import_nothing_above_them() -> None:
    found = modules()
    used = set().union(
        *(imports(m, p) for m, p in found.items() if m.startswith("sockprogress.words"))
    )
    above = ("reading", "judging", "rendering", "editing", "cli", "pipeline", "checking")
    assert not {m for m in used if m.split(".")[1] in above}


def test_no_module_imports_itself_round_a_circle() -> None:
    found = modules()
    graph = {m: imports(m, p) for m, p in found.items()}
    # a package's __init__ importing its own modules is how a package is made, not a circle
    for m in graph:
        graph[m] = {d for d in graph[m] if not d.startswith(m + ".")}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str], on_path: set[str], done: set[str]) -> None:
        for nxt in sorted(graph[node]):
            if nxt in on_path:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in done:
                visit(nxt, [*path, nxt], on_path | {nxt}, done)
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start], {start}, done)
    assert cycles == []


def test_the_records_made_by_the_hundred_thousand_stay_frozen_to_the_type_checker(
    tmp_path: Path,
) -> None:
    """Observation and Issue are plain slotted classes at run time (model.bulk_record: a
    frozen dataclass's __init__ cost a province's judging a sixth of its time). mypy holds
    them frozen, and compared and hashed by their fields they stay."""
    import datetime as dt

    from sockprogress.model import Issue, Observation

    api = pytest.importorskip("mypy.api", reason="mypy comes with the dev extra, as in CI")

    code = tmp_path / "assign.py"
    code.write_text(
        "import datetime as dt\n"
        "from sockprogress.model import Issue, Observation\n"
        "o = Observation(dt.date(2026, 1, 31), 1.0, '2026-01', 'level')\n"
        "o.value = 2.0\n"
        "i = Issue('warning', '')\n"
        "i.row = 3\n",
        encoding="utf-8",
    )
    out, _, status = api.run(["--strict", "--no-incremental", str(code)])
    assert status == 1
    assert 'Property "value" defined in "Observation" is read-only' in out
    assert 'Property "row" defined in "Issue" is read-only' in out
    one = Observation(dt.date(2026, 1, 31), 1.0, "2026-01", "level", (5,))
    same = Observation(dt.date(2026, 1, 31), 1.0, "2026-01", "level", (5,))
    assert one == same and hash(one) == hash(same) and len({one, same}) == 1
    assert Issue("warning", "", row=3) != Issue("warning", "", row=4)
    assert not hasattr(one, "__dict__")  # slotted: a province holds 240,000
