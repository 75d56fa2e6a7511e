"""Builds the demo library (明湖市) from its sources in assets/demo.

    python scripts/build_demo.py [OUT]      (default: projects/)

Every package is made through the studio's own operations: created by its drafter,
its pieces imported from the source files, then submitted, reviewed, signed and
released by the demo users named in assets/demo/demo.json, so its audit trail is real.
The clock starts at the time the sources give and moves one minute per operation, so
a rebuild differs from the committed library only in package ids and folder names.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "assets" / "demo"
sys.path.insert(0, str(ROOT))

from studio.domain import edits  # noqa: E402
from studio.service import clock, importing, operations  # noqa: E402
from studio.service.actor import Actor  # noqa: E402


def _ticks(start: str) -> Iterator[datetime]:
    moment = datetime.fromisoformat(start)
    while True:
        yield moment
        moment += timedelta(minutes=1)


def _import(folder: Path, actor: Actor, item: dict, sources: Path) -> None:
    importing.import_file(folder, actor, sources / item["file"], item["piece"], item.get("title"))


def _build_package(library: Path, spec: dict, sources: Path) -> Path:
    drafter = Actor(spec["drafter"]["user"], spec["drafter"]["office"])
    folder = operations.create_package(library, drafter, spec["create"])
    first, *rest = spec["imports"]  # the policy text first, as an office does
    _import(folder, drafter, first, sources / spec["folder"])
    if spec.get("set"):
        operations.edit(folder, drafter, lambda p: edits.set_metadata(p, spec["set"]))
    for item in rest:
        _import(folder, drafter, item, sources / spec["folder"])
    for step in spec["workflow"]:
        operations.transition(folder, Actor(step["user"], step["office"]), step["action"], step["comment"])
    return folder


def build(out: Path, sources: Path = SOURCES) -> list[Path]:
    """Build the library into `out`, which must not exist yet; returns the package folders."""
    plan = json.loads((sources / "demo.json").read_text("utf-8"))
    out.mkdir(parents=True)
    ticks = _ticks(plan["clock_start"])
    with clock.use(lambda: next(ticks)):
        return [_build_package(out, spec, sources) for spec in plan["packages"]]


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else ROOT / "projects"
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        built = Path(tmp) / "library"
        folders = build(built)
        if target.exists():
            shutil.rmtree(target)
        built.rename(target)
    print(f"示例文件库已生成：{target}（{len(folders)} 个文件包）")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
