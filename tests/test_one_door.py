"""The command line and the window change files only through studio/service."""

from __future__ import annotations

import ast
from pathlib import Path

STUDIO = Path(__file__).resolve().parents[1] / "studio"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_no_front_end_imports_the_store():
    offenders = {}
    for front in ("cli", "ui"):
        for path in sorted((STUDIO / front).rglob("*.py")):
            bad = sorted(n for n in _imports(path) if n == "studio.store" or n.startswith("studio.store."))
            if bad:
                offenders[str(path.relative_to(STUDIO))] = bad
    assert offenders == {}
