"""Code and tests read nothing by absolute path outside the checkout and ../shared/.

A fresh clone on another machine has only those; a path to any other folder of the machine
the code was written on makes a test pass there and fail everywhere else.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("studio", "tests", "scripts", "benches")

# Folders every Debian/Ubuntu machine has, that the studio reads on purpose (system fonts,
# programs) or that tests name as places that do not exist.
SYSTEM = ("/usr/share/fonts/", "/usr/bin/", "/usr/lib/", "/bin/", "/dev/null", "/proc/", "/nonexistent",
          "/etc/os-release")
# Functions that take a path to read, list or open.
PATH_TAKERS = {"Path", "PurePath", "PosixPath", "open", "listdir", "scandir", "walk", "glob", "iglob",
               "read_text", "read_bytes", "exists", "is_file", "is_dir", "chdir", "copy", "copytree",
               "copyfile", "rmtree", "fspath"}
# Folders of a particular machine: never in code, whatever the call.
MACHINE = re.compile(r"^(/work/|/root/|/home/[^/]+/\.|/opt/|/mnt/)")


def _absolute(text: str) -> bool:
    return text.startswith("/") or text.startswith("~") or bool(re.match(r"^[A-Za-z]:[\\/]", text))


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def outside_paths(source: str) -> list[tuple[int, str]]:
    """(line, path) of every absolute path the code reads that is neither a system folder nor relative."""
    hits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and MACHINE.match(node.value):
            hits.append((node.lineno, node.value))
        if isinstance(node, ast.Call) and _name(node.func) in PATH_TAKERS and node.args:
            first = node.args[0]
            if (isinstance(first, ast.Constant) and isinstance(first.value, str) and _absolute(first.value)
                    and not first.value.startswith(SYSTEM)):
                hits.append((first.lineno, first.value))
    return sorted(set(hits))


def test_the_scan_finds_what_it_is_for():
    machine_folder = "/" + "work/demo-src"  # spelt in two parts: this file names no machine folder itself
    assert outside_paths(f'DEMO = Path("{machine_folder}")') == [(1, machine_folder)]
    assert outside_paths('open("/home/me/data.json")') == [(1, "/home/me/data.json")]
    assert outside_paths('Path("C:/Users/me")') == [(1, "C:/Users/me")]
    assert outside_paths('Path("/usr/share/fonts/x.ttc")') == []
    assert outside_paths('SAMPLE = "file:///home/zhang/附件.pdf"') == []  # data a rule must catch, not read


BENCH_OUTPUT = ROOT / "benches" / "out"


def test_no_code_or_test_reads_a_folder_outside_the_checkout():
    found = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            if BENCH_OUTPUT in path.parents:
                continue  # what benchmarks install for comparison (ReText), ignored by git, not the studio's
            for line, value in outside_paths(path.read_text("utf-8")):
                found.append(f"{path.relative_to(ROOT)}:{line}: {value}")
    assert found == []
