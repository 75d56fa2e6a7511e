"""PDF files with a text layer, read with pdfplumber (pdfminer.six): words with their
positions, put into reading order and paragraphs by studio.ingest.page_layout.

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
    without_running_lines,
)

_MAX_PAGES = 2000


def _pieces(page) -> list[TextPiece]:
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False,
                               use_text_flow=False, extra_attrs=["size"])
    return [TextPiece(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]),
                      float(w.get("size") or 0.0)) for w in words]


def read_pdf(path: Path) -> ImportedDocument:
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"找不到文件“{path}”。请检查路径。")
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:  # pragma: no cover - a broken installation
        raise InvalidInput("缺少读取 PDF 文件所需的组件 pdfplumber，请重新安装本软件。") from None
    pages: list[list[PageLine]] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > _MAX_PAGES:
                raise InvalidInput(f"PDF 文件“{path.name}”有 {len(pdf.pages)} 页，超过可导入的 {_MAX_PAGES} 页。")
            for page in pdf.pages:
                pages.append(page_lines(_pieces(page)))
                page.flush_cache()
    except InvalidInput:
        raise
    except PDFSyntaxError:
        raise InvalidInput(f"无法打开 PDF 文件“{path.name}”：文件已损坏，或不是 PDF 格式。") from None
    except Exception as e:  # pdfminer reports encrypted and damaged files in many forms
        name = type(e).__name__
        why = "文件有密码保护" if "Password" in name or "Encrypt" in name else "文件已损坏或格式不受支持"
        raise InvalidInput(f"无法读取 PDF 文件“{path.name}”：{why}。请导入该文件的 Word 原稿（.docx）。") from None
    items = paragraphs(without_running_lines(pages))
    if not items:
        raise InvalidInput(f"PDF 文件“{path.name}”中没有文字层（可能是扫描件）。"
                           "请导入该文件的 Word 原稿，或先用文字识别软件转换后再导入。")
    notes = ("PDF 文件按版面位置还原了阅读顺序和段落，页眉、页脚和页码已去除，请核对正文的分段。",)
    return ImportedDocument(path.name, paragraphs_markdown(items), tuple(items), notes=notes)
