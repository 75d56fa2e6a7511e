"""Old Word, WPS, PDF and OFD files are read; where they cannot be, a Chinese message says what to do."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from studio.domain.errors import InvalidInput
from studio.ingest import ocr
from studio.ingest.gongwen_metadata import extract_metadata
from studio.ingest.office_convert import soffice_path
from studio.ingest.reader import read_document
from tests.ingest import realdocs

needs_realdocs = pytest.mark.skipif(not realdocs.entries(), reason="realdocs corpus not beside the project")
needs_libreoffice = pytest.mark.skipif(soffice_path() is None, reason="LibreOffice is not installed")


def _real(prefix: str):
    return next(realdocs.REALDOCS / e["file"] for e in realdocs.entries() if e["file"].startswith(prefix))


def test_without_libreoffice_the_message_says_how_to_install_or_resave(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDIO_SOFFICE", str(tmp_path / "no-such-soffice"))
    old = tmp_path / "通知.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    with pytest.raises(InvalidInput) as e:
        read_document(old)
    assert "libreoffice-writer-nogui" in e.value.message and "另存为 .docx" in e.value.message


def test_a_file_that_is_no_word_document_is_refused_before_conversion(tmp_path):
    fake = tmp_path / "x.wps"
    fake.write_bytes(b"just some bytes that are not a document")
    with pytest.raises(InvalidInput, match="不是 Word / WPS 文档"):
        read_document(fake)


def test_a_scanned_pdf_without_tesseract_says_how_to_read_it(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDIO_TESSERACT", str(tmp_path / "no-such-tesseract"))
    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (200, 280), "white").save(scan, "PDF")
    with pytest.raises(InvalidInput) as e:
        read_document(scan)
    assert "没有文字层" in e.value.message and "tesseract-ocr-chi-sim" in e.value.message


def _scanned_page(path, lines):
    from PIL import ImageDraw

    from studio.render.explainer.fonts import find_cjk_font

    font = find_cjk_font().regular.load(40)
    image = Image.new("RGB", (1400, 120 + 90 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        width = draw.textlength(line, font=font)
        draw.text(((1400 - width) / 2 if n < 3 else 120, 60 + 90 * n), line, fill="black", font=font)
    image.save(path)
    return path


@pytest.mark.skipif(not ocr.available(), reason="Tesseract with chi_sim is not installed")
@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_a_scanned_page_is_read_and_every_value_offered_for_checking(tmp_path, suffix):
    from studio.domain.pieces import POLICY
    from studio.service import importing

    page = _scanned_page(tmp_path / f"scan{suffix}", ["明湖市人民政府文件", "明政发〔2024〕3号", "关于做好防汛工作的通知",
                                                      "各区县人民政府：", "现将有关事项通知如下。", "明湖市人民政府",
                                                      "2024年3月4日"])
    prepared = importing.prepare(page, POLICY)
    assert prepared.document is not None and prepared.document.recognised
    values = prepared.extracted.values
    assert values.get("doc_number") == "明政发〔2024〕3号"
    assert values.get("title", "").endswith("工作的通知")  # OCR may misread a character: hence 请核对
    assert set(values) <= prepared.extracted.unsure  # nothing read by OCR is filled in
    assert any("文字识别" in n for n in prepared.notes)


@needs_realdocs
@needs_libreoffice
def test_old_word_file_with_its_number_only_in_a_text_box():
    document = read_document(_real("d01_"))
    assert document.source == _real("d01_").name
    assert extract_metadata(document.lines).values["doc_number"] == "嘉银监发〔2017〕69号"


@needs_realdocs
def test_pdf_reads_in_order_without_page_numbers():
    document = read_document(_real("p02_"))
    assert document.lines[:3] == ("海南省农业农村厅海南省财政厅", "关于印发2024-2026年海南省农机", "购置与应用补贴实施方案的通知")
    assert not [line for line in document.lines if re.fullmatch(r"[-—\s]*\d+[-—\s]*", line)]


@needs_realdocs
def test_ofd_reads_version_head_number_and_title_in_order():
    document = read_document(_real("o01_"))
    assert document.lines[:3] == ("测试符路桥区卫生局文件", "路卫发〔2011〕76号", "关于同意张阿三同志辞职的批复")
    assert "— 2 —" not in document.lines


def test_only_one_conversion_at_a_time_uses_the_kept_libreoffice_profile():
    from studio.ingest.office_convert import _kept_profile

    with _kept_profile() as first:
        with _kept_profile() as second:
            assert first is not None and second is None  # the second makes a throwaway profile
    with _kept_profile() as again:
        assert again == first


@needs_libreoffice
@pytest.mark.parametrize("target", ["odt", "rtf"])
def test_opendocument_and_rtf_files_are_read_through_libreoffice(tmp_path, target):
    import subprocess

    from tests.ingest import word_files

    source = word_files.gongwen(tmp_path / "gongwen.docx")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice_path(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                    "--outdir", str(tmp_path / "out"), str(source)], check=True, capture_output=True, timeout=120)
    document = read_document(tmp_path / "out" / f"gongwen.{target}")
    found = extract_metadata(document.lines)
    assert found.values["doc_number"] == "明政发〔2024〕3号"
    assert found.values["title"] == "明湖市人民政府关于支持高校毕业生就业创业的若干措施"
    assert document.source == f"gongwen.{target}"


@needs_libreoffice
def test_a_pdf_letter_head_in_large_type_names_the_organ(tmp_path):
    """信函格式: the 版头 is the organ's name alone, in type far larger than the text."""
    import subprocess

    import docx
    from docx.shared import Pt

    from studio.domain.pieces import POLICY
    from studio.service import importing

    d = docx.Document()
    for text, size in (("明湖市人民政府办公室", 36), ("明政办函〔2024〕5号", 16), ("关于做好防汛工作的函", 22),
                       ("各区县人民政府：", 16), ("现将有关事项函告如下，请认真落实，确保安全度汛。", 16),
                       ("一是压实责任，二是排查隐患，三是做好值守。", 16), ("2024年3月4日", 16)):
        d.add_paragraph().add_run(text).font.size = Pt(size)
    d.save(tmp_path / "letter.docx")
    subprocess.run([soffice_path(), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "letter.docx")],
                   check=True, capture_output=True, timeout=120)
    prepared = importing.prepare(tmp_path / "letter.pdf", POLICY)
    assert prepared.extracted.values["organ"] == "明湖市人民政府办公室"
    assert "发文机关标志" in prepared.extracted.found_at["organ"]
