"""A package saved by the previous format (version 1, unsigned events) is taken over, not trusted blindly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from studio.render.export.exporter import export_package
from studio.render.export.source import ExportRefused
from studio.service import operations
from studio.service.proof import verify_package
from studio.store import migrations
from tests import factories as f
from tests.members import member

SAMPLE = Path(__file__).parent / "samples" / "package-v1.json"


@pytest.fixture
def old_package(tmp_path) -> Path:
    root = tmp_path / "lib"
    member(root, "管理员")
    folder = root / "20260310-old001"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "package.json")
    return folder


def test_the_sample_is_the_old_format():
    data = json.loads(SAMPLE.read_text("utf-8"))
    assert data["schema"]["1"]["version"] == 1 < migrations.CURRENT_SCHEMA
    assert all("sig" not in e for e in data["audit"].values())


def test_unsigned_old_events_fail_verify_until_a_member_takes_them_over(old_package):
    assert any("没有签名" in p.message for p in verify_package(old_package).problems)
    actor = member(old_package.parent, f.DRAFTER)
    operations.transition(old_package, actor, "amend")  # opening for a change upgrades the file first
    data = json.loads((old_package / "package.json").read_text("utf-8"))
    assert data["schema"]["1"]["version"] == migrations.CURRENT_SCHEMA
    actions = [e["action"] for e in operations.history(old_package)]
    assert actions[-2:] == ["migrate", "amend"]
    assert verify_package(old_package).problems == []
    assert list(old_package.glob("package.json.v1-*.bak"))  # the old file is kept beside it


def test_an_old_unsigned_release_is_not_exported(old_package, tmp_path):
    operations.transition(old_package, member(old_package.parent, f.DRAFTER), "amend")
    with pytest.raises(ExportRefused, match="没有签名的发布记录"):
        export_package(old_package, tmp_path / "site")
