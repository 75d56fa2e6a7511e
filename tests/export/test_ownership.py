"""Export replaces only what it wrote: a user's file in the way stops it, it never writes into a
library or a package, it cleans up after a killed export, and it never reuses a changed file."""

from __future__ import annotations

import os
import shutil
import socket

import pytest

from studio.render.export import layout
from studio.render.export.exporter import export_library, export_package
from studio.render.export.manifest import verify
from studio.render.export.ownership import _host_tag
from studio.render.export.source import ExportRefused
from tests.export.conftest import SITE_OPTIONS, bundle_files


@pytest.fixture
def own_library(library, tmp_path):
    root = tmp_path / "library"
    shutil.copytree(library.root, root)
    return root


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_users_file_in_the_bundle_folder_stops_the_export_and_survives(library, tmp_path):
    out = tmp_path / "out"
    export_library(library.root, out, SITE_OPTIONS)
    (out / "领导批示-请勿删除.docx").write_bytes(b"x\n")
    before = bundle_files(out)
    with pytest.raises(ExportRefused, match="领导批示-请勿删除.docx"):
        export_library(library.root, out, SITE_OPTIONS)
    assert bundle_files(out) == before


def test_a_forged_empty_manifest_does_not_make_a_folder_a_bundle(library, tmp_path):
    out = tmp_path / "documents"
    (out / "2025年").mkdir(parents=True)
    (out / layout.MANIFEST).write_text('{"files":{}}', "utf-8")
    (out / "2025年" / "总结.docx").write_bytes(b"important")
    with pytest.raises(ExportRefused, match="总结.docx"):
        export_library(library.root, out, SITE_OPTIONS)
    assert (out / "2025年" / "总结.docx").read_bytes() == b"important"


def test_export_never_writes_into_a_package(library, tmp_path):
    root = tmp_path / "library"
    shutil.copytree(library.root, root)
    package = library.folders["media"]
    target = root / package.name / "media"
    before = _tree(root)
    with pytest.raises(ExportRefused, match="文件包"):
        export_library(root, target, SITE_OPTIONS)
    with pytest.raises(ExportRefused):
        export_package(root / package.name, root / package.name / "site", SITE_OPTIONS)
    assert _tree(root) == before
    assert sorted(p.name for p in (root / package.name).iterdir()) == sorted(p.name for p in package.iterdir())


@pytest.mark.parametrize("where", ["inside", "itself", "above"])
def test_export_never_writes_into_a_library_or_a_folder_above_one(library, tmp_path, where):
    root = tmp_path / "work" / "library"
    shutil.copytree(library.root, root)
    target = {"inside": root / "site", "itself": root, "above": tmp_path / "work"}[where]
    before = _tree(tmp_path)
    with pytest.raises(ExportRefused):
        export_library(root, target, SITE_OPTIONS)
    assert _tree(tmp_path) == before
    assert sorted(os.listdir(tmp_path / "work")) == ["library"]


def test_a_killed_exports_leftovers_are_cleaned_by_the_next_export(library, tmp_path):
    out = tmp_path / "site"
    export_library(library.root, out, SITE_OPTIONS)
    dead = 2 ** 22 + 12345  # beyond pid_max of a default Linux: no such process
    leftovers = [f".site.export-{_host_tag()}-{dead}-abcd1234", f".site.old-{_host_tag()}-{dead}-wxyz5678",
                 ".site.export-k2l_9x0a"]  # the name an older version gave its temporary folder
    for name in leftovers:
        (tmp_path / name / "policies").mkdir(parents=True)
        (tmp_path / name / "policies" / "index.html").write_bytes(b"<p>half</p>" * 1000)
    alive = f".site.export-{_host_tag()}-{os.getpid()}-live0000"  # another export still writing
    (tmp_path / alive).mkdir()
    other_machine = f".site.export-{socket.gethostname()[:0]}elsewhere-{dead}-abcd1234"
    (tmp_path / other_machine).mkdir()
    (tmp_path / ".site.export-notes.txt").write_text("用户自己的文件", "utf-8")

    export_library(library.root, out, SITE_OPTIONS)
    remaining = sorted(p.name for p in tmp_path.iterdir())
    assert not set(leftovers) & set(remaining)
    assert {alive, other_machine, ".site.export-notes.txt", "site"} <= set(remaining)
    assert verify(out) == []


def test_re_export_does_not_reuse_a_file_changed_behind_its_back(library, tmp_path):
    out = tmp_path / "site"
    export_library(library.root, out, SITE_OPTIONS)
    page = next(p for p in sorted((out / layout.PACKAGES_DIR).rglob("index.html")))
    original = page.read_bytes()
    st = page.stat()
    forged = original.replace(b"<title>", b"<title>X", 1)[: len(original)]
    page.write_bytes(forged)
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert verify(out) != []

    with pytest.raises(ExportRefused, match="导出后被修改过"):
        export_library(library.root, out, SITE_OPTIONS)
    assert page.read_bytes() == forged  # someone's change is not thrown away unasked

    page.unlink()  # the user removes the changed file; the export then writes it afresh
    report = export_library(library.root, out, SITE_OPTIONS)
    assert page.read_bytes() == original and verify(out) == []
    assert report.reused < report.packages


def test_export_into_a_link_or_over_a_file_is_refused(library, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("a", "utf-8")
    link = tmp_path / "site"
    link.symlink_to(elsewhere)
    with pytest.raises(ExportRefused, match="符号链接"):
        export_library(library.root, link, SITE_OPTIONS)
    assert link.is_symlink() and (elsewhere / "a.txt").read_text("utf-8") == "a"
