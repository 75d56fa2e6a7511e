"""PDF files with a text layer, read with pypdfium2 (PDFium, the PDF engine of Chromium): runs
of text with their boxes, put into reading order and paragraphs by studio.ingest.page_layout.

A PDF without a text layer (a scan) is refused with a message saying what to do;
a damaged or password-protected one likewise.
"""

from __future__ import annotations

from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.ingest.document import ImportedDocument
from studio.ingest.page_layout import (
    PageLine,
    TextPiece,
    page_lines,
    paragraphs,
    paragraphs_markdown,
    prominent_head,
    without_running_lines,
)

_MAX_PAGES = 2000


def _pieces(page) -> list[TextPiece]:
    """Runs of text on one page, top-down coordinates (PDFium counts y upwards)."""
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        pieces = []
        for k in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(k)
            text = textpage.get_text_bounded(left, bottom, right, top).replace("\r", "").replace("\n", "")
            if text.strip():
                pieces.append(TextPiece(text.strip(), left, height - top, right, height - bottom, top - bottom))
        return pieces
    finally:
        textpage.close()


def read_pdf(path: Path) -> ImportedDocument:
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"找不到文件“{path}”。请检查路径。")
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a broken installation
        raise InvalidInput("缺少读取 PDF 文件所需的组件 pypdfium2，请重新安装本软件。") from None
    pages: list[list[PageLine]] = []
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        why = "文件有密码保护" if "password" in str(e).lower() else "文件已损坏，或不是 PDF 格式"
        raise InvalidInput(f"无法读取 PDF 文件“{path.name}”：{why}。请导入该文件的 Word 原稿（.docx）。") from None
    try:
        if len(pdf) > _MAX_PAGES:
            raise InvalidInput(f"PDF 文件“{path.name}”有 {len(pdf)} 页，超过可导入的 {_MAX_PAGES} 页。")
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                pages.append(page_lines(_pieces(page)))
            finally:
                page.close()
    except pdfium.PdfiumError:
        raise InvalidInput(f"无法读取 PDF 文件“{path.name}”：文件已损坏。请导入该文件的 Word 原稿（.docx）。") from None
    finally:
        pdf.close()
    items = paragraphs(without_running_lines(pages))
    if not items:
        return _recognised(path)
    notes = ("PDF 文件按版面位置还原了阅读顺序和段落，页眉、页脚和页码已去除，请核对正文的分段。",)
    return ImportedDocument(path.name, paragraphs_markdown(items), tuple(items), notes=notes,
                            prominent_head=tuple(prominent_head(pages[0]) if pages else ()))


def _recognised(path: Path) -> ImportedDocument:
    """A scanned PDF read page by page with Tesseract, or refused saying how to read it."""
    import pypdfium2 as pdfium

    from studio.ingest import ocr

    if not ocr.available():
        raise InvalidInput(f"PDF 文件“{path.name}”中没有文字层（是扫描件）。" + ocr.INSTALL_HINT)
    pdf = pdfium.PdfDocument(str(path))
    try:
        if len(pdf) > ocr.MAX_PAGES:
            raise InvalidInput(f"扫描件“{path.name}”有 {len(pdf)} 页，超过文字识别的上限 {ocr.MAX_PAGES} 页。"
                               "请导入该文件的 Word 原稿。")
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                pages.append(ocr.recognise(page.render(scale=200 / 72).to_pil()))
            finally:
                page.close()
    finally:
        pdf.close()
    return recognised_document(path.name, pages)


def recognised_document(name: str, pages: list[list[PageLine]]) -> ImportedDocument:
    items = paragraphs(without_running_lines(pages))
    if not items:
        raise InvalidInput(f"没有从“{name}”中识别出文字。请导入该文件的 Word 原稿。")
    notes = ("该文件是扫描件，正文经文字识别（OCR）得到，可能有错字，请逐段校对；识别出的元数据都只作为建议，请核对后采纳。",)
    return ImportedDocument(name, paragraphs_markdown(items), tuple(items), notes=notes, recognised=True)
