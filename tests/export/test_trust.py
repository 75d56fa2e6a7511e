"""Deterministic output, the manifest and its check, atomic replacement, preview stamping,
and incremental re-export that rewrites only what changed."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date, datetime, time, timedelta, timezone

import pytest

from studio.domain import edits
from studio.domain.dates import gbt_date
from studio.render.export import layout, package_pages
from studio.render.export.exporter import ExportOptions, export_library, export_package
from studio.render.export.manifest import verify
from studio.render.export.source import ExportRefused
from studio.service import clock, operations
from tests.export import content as c
from tests.export.conftest import SITE_OPTIONS, bundle_files
from tests.members import member


@pytest.fixture
def own_library(library, tmp_path):
    """A copy of the session library that a test may change."""
    root = tmp_path / "library"
    shutil.copytree(library.root, root)
    return root


def test_same_library_gives_byte_identical_bundles(library, site, tmp_path):
    again = export_library(library.root, tmp_path / "again", SITE_OPTIONS)
    assert again.packages == site.report.packages
    assert bundle_files(tmp_path / "again") == bundle_files(site.root)


def test_dates_come_from_the_release_not_the_clock(site):
    """The library was released on 2026-03-10; the day of the export appears nowhere."""
    today = date.today()
    assert today != c.TODAY
    for path, data in bundle_files(site.root).items():
        text = data.decode("utf-8", "replace")
        for stamp in (today.isoformat(), gbt_date(today), today.strftime("%a, %d %b %Y")):
            assert stamp not in text, (path, stamp)


def test_manifest_lists_every_file_and_verify_accepts_the_bundle(site):
    manifest = json.loads((site.root / layout.MANIFEST).read_text("utf-8"))
    on_disk = {p for p in bundle_files(site.root) if p != layout.MANIFEST}
    assert set(manifest["files"]) == on_disk
    assert all(len(f["sha256"]) == 64 for f in manifest["files"].values())
    assert verify(site.root) == []


def test_verify_reports_changed_missing_and_added_files(library, tmp_path):
    out = export_library(library.root, tmp_path / "site", SITE_OPTIONS).out_dir
    (out / layout.SITE_INDEX).write_text("被篡改", "utf-8")
    (out / layout.FEED).unlink()
    (out / "extra.html").write_text("<p>后加</p>", "utf-8")
    problems = {p.path: p.message for p in verify(out)}
    assert set(problems) == {layout.SITE_INDEX, layout.FEED, "extra.html"}
    assert "不符" in problems[layout.SITE_INDEX] and "缺失" in problems[layout.FEED]


def test_failed_export_leaves_the_previous_bundle_byte_identical(own_library, tmp_path, monkeypatch):
    out = tmp_path / "site"
    export_library(own_library, out, SITE_OPTIONS)
    before = bundle_files(out)
    # New site options make the next export render every package; rendering fails half-way.
    calls = {"n": 0}
    real = package_pages.render

    def failing(template, **context):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("磁盘已满")
        return real(template, **context)

    monkeypatch.setattr(package_pages, "render", failing)
    with pytest.raises(OSError):
        export_library(own_library, out, ExportOptions(site_name="另一个网站名", base_url=c.BASE_URL))
    assert calls["n"] == 3
    assert bundle_files(out) == before
    assert verify(out) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.export-")] == []


def test_export_refuses_to_replace_a_folder_that_is_not_a_bundle(library, tmp_path):
    target = tmp_path / "documents"
    target.mkdir()
    (target / "工作计划.docx").write_bytes(b"important")
    with pytest.raises(ExportRefused, match="不是政策解读工作室导出的发布包"):
        export_library(library.root, target, SITE_OPTIONS)
    assert (target / "工作计划.docx").read_bytes() == b"important"


def test_preview_stamps_every_page_and_asks_not_to_be_indexed(preview_site):
    pages = sorted(preview_site.root.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text("utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in html, page
        assert "预览稿：本页为尚未发布的预览版本" in html, page
        assert "<title>【预览稿】" in html, page
    assert (preview_site.root / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"
    listing = (preview_site.root / "index.html").read_text("utf-8")
    assert "夜间经济" in listing  # the unreleased draft is shown in a preview


def test_export_of_a_package_uses_its_latest_release_not_the_new_draft(library, tmp_path):
    export_package(library.folders["tenant"], tmp_path / "one", SITE_OPTIONS)
    text = "".join(d.decode("utf-8", "replace") for d in bundle_files(tmp_path / "one").values())
    assert "《明湖市青年人才租房补贴办法》政策解读" in text and "第二版草稿" not in text


def test_zip_is_deterministic_and_holds_the_bundle(library, tmp_path):
    options = ExportOptions(site_name=c.SITE_NAME, base_url=c.BASE_URL, make_zip=True)
    a = export_library(library.root, tmp_path / "a" / "site", options).zip_path
    b = export_library(library.root, tmp_path / "b" / "site", options).zip_path
    assert a.name == "site.zip" and a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as zf:
        names = set(zf.namelist())
    assert names == {f"site/{p}" for p in bundle_files(tmp_path / "a" / "site")}


def _inodes(root):
    return {p.relative_to(root).as_posix(): p.stat().st_ino for p in root.rglob("*") if p.is_file()}


def test_incremental_export_rewrites_only_the_changed_package(own_library, tmp_path):
    out = tmp_path / "site"
    first = export_library(own_library, out, SITE_OPTIONS)
    assert first.reused == 0 and first.packages == 4
    before = _inodes(out)

    unchanged = export_library(own_library, out, SITE_OPTIONS)
    assert unchanged.rendered == [] and unchanged.reused == 4

    # Amend and re-release the repealed notice with a new text.
    repealed = next(f for f in own_library.iterdir() if f.is_dir() and "户外广告" in (f / "package.json").read_text("utf-8"))
    someone, reviewer, reviewer2, signer = (member(own_library, n) for n in ("钱起草", "孙审核", "周审核", "吴审签"))
    operations.transition(repealed, someone, "amend")
    operations.edit(repealed, someone, lambda p: edits.set_policy_body(p, "各有关单位：\n\n修订后的新内容。\n"))
    for actor, action in ((someone, "submit"), (reviewer, "review"), (reviewer2, "review"), (signer, "sign")):
        operations.transition(repealed, actor, action)
    with clock.use(lambda: datetime.combine(c.TODAY, time(10), timezone(timedelta(hours=8)))):
        operations.transition(repealed, someone, "release")

    again = export_library(own_library, out, SITE_OPTIONS)
    assert len(again.rendered) == 1 and "户外广告" in again.rendered[0] and again.reused == 3
    after = _inodes(out)
    changed_dir = next(p["slug"] for p in json.loads((out / "metadata.json").read_text("utf-8"))["packages"]
                       if "户外广告" in p["metadata"]["title"])
    for path, inode in before.items():
        if path.startswith(f"policies/{changed_dir}/"):
            assert after[path] != inode, path
        elif path.startswith("policies/"):
            assert after[path] == inode, f"{path} was rewritten though its package did not change"
    assert after[layout.SITE_INDEX] != before[layout.SITE_INDEX]
    assert "修订后的新内容" in (out / "policies" / changed_dir / "index.html").read_text("utf-8")
    # The result is exactly what a fresh full export produces.
    fresh = export_library(own_library, tmp_path / "fresh", SITE_OPTIONS)
    assert fresh.reused == 0
    assert bundle_files(out) == bundle_files(tmp_path / "fresh")
    assert verify(out) == []


def test_a_package_withdrawn_from_disclosure_leaves_the_site_on_re_export(own_library, tmp_path):
    out = tmp_path / "site"
    export_library(own_library, out, SITE_OPTIONS)
    media = next(f for f in own_library.iterdir() if f.is_dir() and "停车收费" in (f / "package.json").read_text("utf-8"))
    actor = member(own_library, "钱起草")
    operations.transition(media, actor, "amend")
    operations.edit(media, actor, lambda p: edits.set_metadata(p, {"disclosure": "不予公开", "disclosure_reason": "依法不予公开"}))
    report = export_library(own_library, out, SITE_OPTIONS)
    assert report.packages == 3 and report.reused == 3
    text = "".join(d.decode("utf-8", "replace") for d in bundle_files(out).values())
    assert "停车收费" not in text
    assert bundle_files(out) == bundle_files(export_library(own_library, tmp_path / "fresh", SITE_OPTIONS).out_dir)


def test_changed_options_re_render_everything(own_library, tmp_path):
    out = tmp_path / "site"
    export_library(own_library, out, SITE_OPTIONS)
    report = export_library(own_library, out, ExportOptions(site_name="明湖市人民政府门户网站", base_url=c.BASE_URL))
    assert report.reused == 0 and len(report.rendered) == 4
    assert "明湖市人民政府门户网站" in (out / "index.html").read_text("utf-8")


def test_rendering_on_several_processes_gives_the_same_bundle(library, site, tmp_path, monkeypatch):
    from studio.render.export import render_jobs

    monkeypatch.setattr(render_jobs, "PARALLEL_MIN", 1)
    monkeypatch.setattr(render_jobs.os, "cpu_count", lambda: 2)
    parallel = export_library(library.root, tmp_path / "parallel", SITE_OPTIONS)
    assert parallel.packages == site.report.packages
    assert bundle_files(tmp_path / "parallel") == bundle_files(site.root)
