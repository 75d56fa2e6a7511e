"""One entry point for every file an office may bring: chosen by the file's suffix."""

from __future__ import annotations

from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.ingest.archive_limits import check_archive
from studio.ingest.document import ImportedDocument
from studio.ingest.html_file import HTML_SUFFIXES, read_html
from studio.ingest.markup_limits import check_markup
from studio.ingest.ocr import IMAGE_SUFFIXES
from studio.ingest.office_convert import CONVERTED_SUFFIXES
from studio.ingest.text_file import TEXT_SUFFIXES, read_text_document

DOCX_SUFFIXES = (".docx", ".docm")
PDF_SUFFIXES = (".pdf",)
OFD_SUFFIXES = (".ofd",)
IMPORT_SUFFIXES = (TEXT_SUFFIXES + DOCX_SUFFIXES + CONVERTED_SUFFIXES + PDF_SUFFIXES + OFD_SUFFIXES
                   + HTML_SUFFIXES + IMAGE_SUFFIXES)
SUPPORTED = ("Word 文件（.docx、.doc）、WPS 文件（.wps）、RTF、OpenDocument（.odt）、PDF、OFD、"
             "Markdown（.md）、纯文本（.txt）、网页（.html）或扫描图片（.png、.jpg、.tif）")


def read_document(path: Path) -> ImportedDocument:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        from studio.ingest.docx_file import read_docx  # python-docx is loaded only for Word files

        check_archive(path)  # a decompression bomb is refused before python-docx opens it
        return read_docx(path)
    if suffix in HTML_SUFFIXES:
        check_markup(path)  # ten thousand nested elements are refused before the parser walks them
        return read_html(path)
    if suffix in TEXT_SUFFIXES:
        return read_text_document(path)
    if suffix in CONVERTED_SUFFIXES:
        from studio.ingest.office_convert import read_converted

        return read_converted(path)
    if suffix in PDF_SUFFIXES:
        from studio.ingest.pdf_file import read_pdf  # PDFium is loaded only for PDF files

        return read_pdf(path)
    if suffix in OFD_SUFFIXES:
        from studio.ingest.ofd_file import read_ofd

        check_archive(path)  # an OFD is a zip too
        return read_ofd(path)
    if suffix in IMAGE_SUFFIXES:
        from studio.ingest.image_file import read_image  # scanned pages: Tesseract, where installed

        return read_image(path)
    raise InvalidInput(f"暂不支持导入“{suffix or path.name}”文件。请导入{SUPPORTED}。")
