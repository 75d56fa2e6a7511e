"""One entry point for every file an office may bring: chosen by the file's suffix."""

from __future__ import annotations

from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.ingest.archive_limits import check_archive
from studio.ingest.document import ImportedDocument
from studio.ingest.html_file import HTML_SUFFIXES, read_html
from studio.ingest.markup_limits import check_markup
from studio.ingest.text_file import TEXT_SUFFIXES, read_text_document

DOCX_SUFFIXES = (".docx", ".docm")
IMPORT_SUFFIXES = TEXT_SUFFIXES + DOCX_SUFFIXES + HTML_SUFFIXES
SUPPORTED = "Word 文件（.docx）、Markdown（.md）、纯文本（.txt）或网页（.html）"


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
    if suffix in (".doc", ".wps", ".rtf"):
        raise InvalidInput(f"暂不支持导入“{suffix}”文件。请在 Word 或 WPS 中将“{path.name}”另存为 .docx 后再导入。")
    if suffix == ".pdf":
        raise InvalidInput(f"暂不支持导入 PDF 文件“{path.name}”：PDF 中的版式无法可靠还原为文字。"
                           "请导入该文件的 Word 原稿（.docx）。")
    raise InvalidInput(f"暂不支持导入“{suffix or path.name}”文件。请导入{SUPPORTED}。")
