"""Builds the demo library (明湖市) from its sources in assets/demo.

    python scripts/build_demo.py [OUT]      (default: projects/)

Every package is made through the studio's own operations: created by its drafter,
its pieces imported from the source files, then submitted, reviewed, signed and
released by the demo users named in assets/demo/demo.json, so its audit trail is real.
The roster (founded by 示例管理员) and every event are signed with demo keys kept in
assets/demo/keys: the library is marked as a demo, the only kind that accepts them.
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
from studio.domain.library_config import LibraryConfig  # noqa: E402
from studio.domain.roles import Role  # noqa: E402
from studio.service import clock, importing, library_settings, operations  # noqa: E402
from studio.service.actor import Actor  # noqa: E402
from studio.service.demo_roster import demo_actors  # noqa: E402

_STEP_ROLES = {"submit": Role.DRAFT, "sign": Role.SIGN, "release": Role.RELEASE, "return": Role.REVIEW1}


def _roster_plan(plan: dict) -> dict[str, tuple[str, set[Role]]]:
    """Every demo member with their office and the roles their steps in the plan need."""
    people: dict[str, tuple[str, set[Role]]] = {}
    for spec in plan["packages"]:
        drafter = spec["drafter"]
        people.setdefault(drafter["user"], (drafter["office"], set()))[1].add(Role.DRAFT)
        reviews = 0
        for step in spec["workflow"]:
            if step["action"] == "review":
                reviews += 1
                role = Role.REVIEW1 if reviews == 1 else Role.REVIEW2
            else:
                role = _STEP_ROLES.get(step["action"], Role.DRAFT)
            if step["action"] in ("submit", "return"):
                reviews = 0
            people.setdefault(step["user"], (step["office"], set()))[1].add(role)
    if plan.get("settings"):
        who = plan["settings"]
        people.setdefault(who["user"], (who["office"], set()))[1].add(Role.ADMIN)
    return people


def _ticks(start: str) -> Iterator[datetime]:
    moment = datetime.fromisoformat(start)
    while True:
        yield moment
        moment += timedelta(minutes=1)


def _import(folder: Path, actor: Actor, item: dict, sources: Path) -> None:
    importing.import_file(folder, actor, sources / item["file"], item["piece"], item.get("title"))


def _build_package(library: Path, spec: dict, sources: Path, actors: dict[str, Actor]) -> Path:
    drafter = actors[spec["drafter"]["user"]]
    folder = operations.create_package(library, drafter, spec["create"])
    first, *rest = spec["imports"]  # the policy text first, as an office does
    _import(folder, drafter, first, sources / spec["folder"])
    if spec.get("set"):
        operations.edit(folder, drafter, lambda p: edits.set_metadata(p, spec["set"]))
    for item in rest:
        _import(folder, drafter, item, sources / spec["folder"])
    for step in spec["workflow"]:
        operations.transition(folder, actors[step["user"]], step["action"], step["comment"])
    return folder


def _settings(library: Path, spec: dict, actors: dict[str, Actor]) -> None:
    """The library's rule profile and site, chosen by its 政务公开办 before any package is made.

    Settings are an administrator's signed change: the roster gives that member 管理.
    """
    config = LibraryConfig(profile=spec["profile"]).with_site(site_name=spec.get("site_name", ""),
                                                             site_base_url=spec.get("site_base_url", ""))
    library_settings.change_settings(library, config, actors[spec["user"]])


def build(out: Path, sources: Path = SOURCES) -> list[Path]:
    """Build the library into `out`, which must not exist yet; returns the package folders."""
    plan = json.loads((sources / "demo.json").read_text("utf-8"))
    out.mkdir(parents=True)
    ticks = _ticks(plan["clock_start"])
    with clock.use(lambda: next(ticks)):
        actors = demo_actors(out, _roster_plan(plan), sources / "keys")
        if plan.get("settings"):
            _settings(out, plan["settings"], actors)
        return [_build_package(out, spec, sources, actors) for spec in plan["packages"]]


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
