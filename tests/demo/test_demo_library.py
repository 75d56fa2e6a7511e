"""The committed demo library is what its sources build, through the studio's own operations."""

from __future__ import annotations

import importlib.util
import json

from tests.demo.library_shape import library_shape
from tests.demo.sources import LIBRARY, ROOT, SOURCES, plan


def _build_script():
    spec = importlib.util.spec_from_file_location("build_demo", ROOT / "scripts" / "build_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rebuilding_the_demo_library_gives_the_committed_one(tmp_path):
    out = tmp_path / "demo"
    _build_script().build(out)
    built, committed = library_shape(out), library_shape(LIBRARY)
    assert sorted(built) == sorted(committed)
    for title in committed:
        assert built[title] == committed[title], f"“{title}”与源文件重新生成的不一致：请运行 scripts/build_demo.py"


def test_every_source_file_is_used_and_every_event_is_real():
    used = {(p["folder"], i["file"]) for p in plan()["packages"] for i in p["imports"]}
    present = {(f.parent.name, f.name) for f in SOURCES.glob("*/*") if f.is_file()}
    assert used == present
    for folder in LIBRARY.iterdir():
        if not (folder / "package.json").is_file():
            continue
        events = json.loads((folder / "package.json").read_text("utf-8"))["audit"].values()
        assert [e["action"] for e in events][0] == "create"
        assert all(e["user"] and e["office"] for e in events)


def test_the_demo_library_is_proven_and_every_demo_member_can_sign_in():
    from studio.service import members
    from studio.service.demo_roster import DEMO_PASSPHRASE
    from studio.service.library_proof import verify_library
    from studio.service.proof import verify_package

    assert verify_library(LIBRARY) == []
    for folder in LIBRARY.iterdir():
        if (folder / "package.json").is_file():
            assert verify_package(folder).problems == [], folder.name
    roster = members.roster(LIBRARY)
    assert roster.demo and all(m.demo for m in roster.members.values())
    for member in roster.members.values():
        assert members.sign_in(LIBRARY, member.name, DEMO_PASSPHRASE).key is not None


def test_the_demo_library_follows_a_local_profile_and_shows_its_stricter_finding():
    from datetime import date

    from studio.domain.package import Package
    from studio.domain.rules import check_package
    from studio.store.library import Library, default_calendar
    from studio.store.package_file import PackageFile
    from studio.store.profile_files import shipped_profile

    library = Library(LIBRARY)
    settings = library.settings()
    assert settings.profile == "贵州" and settings.release_limit_workdays == 3
    assert library.config().site_name == "明湖市人民政府门户网站"
    packages = [Package.from_dict(PackageFile(f).load().data) for f in library.package_folders()]
    package = next(p for p in packages if "老旧小区" in p.metadata.title)
    day = date(2026, 11, 26)
    local = {f.code: f for f in check_package(package, day, settings)}
    national = {f.code: f for f in check_package(package, day, shipped_profile("国家").rule_settings(*default_calendar()))}
    assert "RELEASE_OVERDUE" not in national
    assert "应在3个工作日内" in local["RELEASE_OVERDUE"].message and "按《贵州》规则" in local["RELEASE_OVERDUE"].basis
