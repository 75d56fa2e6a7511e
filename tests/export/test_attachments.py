"""Attachments go out only in allowed formats, after the release-safety scan of their text and
with their metadata removed; a bomb image stops only its own package."""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from studio.domain import edits, workflow
from studio.render.export.exporter import export_library
from studio.service import clock as service_clock
from studio.service import operations
from tests.export import content as c
from tests.export.conftest import SITE_OPTIONS, bundle_files
from tests.members import member

AUTHOR = "王秘书-内部电脑"


def _docx(text: str) -> bytes:
    d = docx.Document()
    d.add_paragraph(text)
    d.core_properties.author = AUTHOR
    d.core_properties.last_modified_by = AUTHOR
    d.core_properties.comments = "内部修改意见"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _pdf() -> bytes:
    w = PdfWriter()
    w.add_blank_page(200, 200)
    w.add_metadata({"/Author": AUTHOR, "/Creator": "C:\\Users\\wang\\Desktop\\附件.docx"})
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


RELEASE_DAY = datetime.combine(c.TODAY, time(10), timezone(timedelta(hours=8)))
REVIEW = ((c.DRAFTER, workflow.SUBMIT), (c.REVIEWER1, workflow.REVIEW), (c.REVIEWER2, workflow.REVIEW),
          (c.SIGNER, workflow.SIGN), (c.PUBLISHER, workflow.RELEASE))


def _through_review(root: Path, folder: Path) -> None:
    with service_clock.use(lambda: RELEASE_DAY):
        for who, action in REVIEW:
            operations.transition(folder, member(root, who), action)


def _released_with(library, tmp_path, files: dict[str, bytes]) -> tuple[Path, Path]:
    """A copy of the library whose draft package is released with these attachments, each added
    through the studio (so recorded and signed): the attachment rules alone decide what goes out."""
    root = tmp_path / "library"
    shutil.copytree(library.root, root)
    folder = root / library.folders["draft"].name
    for n, (name, data) in enumerate(files.items(), 1):
        operations.edit(folder, member(root, c.DRAFTER), lambda p, n=n, name=name: edits.add_other_form(
            p, "专家解读", f"附件{n}", file=name, policy_ref="明政办发〔2026〕10号"), media=[(name, data)])
    _through_review(root, folder)
    return root, folder


def _published(out: Path, suffix: str) -> list[bytes]:
    return [data for path, data in bundle_files(out).items() if path.endswith(suffix) and "/media/" in path]


def test_office_and_pdf_attachments_go_out_without_their_metadata(library, tmp_path):
    root, folder = _released_with(library, tmp_path, {"a.docx": _docx("补贴申请表"), "b.pdf": _pdf()})
    report = export_library(root, tmp_path / "site", SITE_OPTIONS)
    assert folder.name not in {s.folder.name for s in report.skipped}
    [word] = _published(tmp_path / "site", ".docx")
    [pdf] = _published(tmp_path / "site", ".pdf")
    assert AUTHOR.encode() not in word and "内部修改意见".encode() not in word
    assert docx.Document(io.BytesIO(word)).paragraphs[0].text == "补贴申请表"
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert not meta or not {"/Author", "/Creator"} & set(meta)
    assert AUTHOR.encode("utf-16-be") not in pdf and b"Users" not in pdf


@pytest.mark.parametrize("text, what", [("机密★1年 补贴名单", "密级"), ("申请人身份证号 11010519491231002X", "身份证"),
                                        ("联系人手机 138 1234 5678", "手机"), ("原件见 \\\\fileserver\\共享\\名单.xlsx", "路径")])
def test_an_attachment_with_unpublishable_text_stops_its_package(library, tmp_path, text, what):
    root, folder = _released_with(library, tmp_path, {"mingdan.docx": _docx(text)})
    report = export_library(root, tmp_path / "site", SITE_OPTIONS)
    reason = {s.folder.name: s.reason for s in report.skipped}[folder.name]
    assert "mingdan.docx" in reason and what in reason
    assert not _published(tmp_path / "site", ".docx")
    assert report.packages >= 1  # the rest of the library still went out


@pytest.mark.parametrize("name", ["salary.txt", "setup.exe", "backup.zip", "readme.html", "no-extension"])
def test_an_attachment_in_a_format_not_allowed_is_never_published_raw(library, tmp_path, name):
    root, folder = _released_with(library, tmp_path, {name: b"MZ raw content"})
    report = export_library(root, tmp_path / "site", SITE_OPTIONS)
    reason = {s.folder.name: s.reason for s in report.skipped}[folder.name]
    assert name in reason and "格式" in reason
    assert not any(b"MZ raw content" in d for d in bundle_files(tmp_path / "site").values())


def _png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """A PNG whose header promises 2.5 gigapixels (the pixel data itself is a few bytes)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b"")


def test_a_bomb_image_stops_only_its_own_package(library, tmp_path):
    root = tmp_path / "library"
    shutil.copytree(library.root, root)
    folder = root / library.folders["media"].name
    drafter = member(root, c.DRAFTER)
    operations.transition(folder, drafter, workflow.AMEND)
    operations.edit(folder, drafter, lambda p: edits.add_other_form(
        p, "新闻发布会", "停车收费调整长图", file="bomb.png", policy_ref="明政发〔2026〕5号"),
        media=[("bomb.png", _png_bomb())])
    _through_review(root, folder)
    report = export_library(root, tmp_path / "site", SITE_OPTIONS)
    reason = {s.folder.name: s.reason for s in report.skipped}[folder.name]
    assert "bomb.png" in reason and "像素" in reason
    assert report.packages == 3


def test_a_damaged_office_attachment_is_refused_not_published(library, tmp_path):
    root, folder = _released_with(library, tmp_path, {"damaged.xlsx": _docx("x")[:300]})
    report = export_library(root, tmp_path / "site", SITE_OPTIONS)
    reason = {s.folder.name: s.reason for s in report.skipped}[folder.name]
    assert "damaged.xlsx" in reason
