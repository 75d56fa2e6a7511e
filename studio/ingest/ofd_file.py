"""OFD files (GB/T 33190-2016), the fixed layout signed 公文 circulate in: a zip of XML.

OFD.xml names each document's Document.xml, which lists its pages; each page's
Content.xml places TextObjects (Boundary "x y w h" in millimetres, y downwards) whose
TextCode elements hold the characters. Template pages are drawn too. The text is put
into reading order by position (studio.ingest.page_layout); seals and annotations are
left out.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

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

_MAX_PART_BYTES = 50 * 1024 * 1024


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _children(el, name: str):
    return [c for c in el.iter() if _local(c.tag) == name]


def _numbers(text: str | None) -> list[float]:
    out: list[float] = []
    for token in (text or "").split():
        try:
            out.append(float(token))
        except ValueError:
            continue
    return out


def _deltas(text: str | None) -> list[float]:
    """DeltaX values; "g 3 5.5" repeats 5.5 three times."""
    tokens = (text or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            try:
                out.extend([float(tokens[i + 2])] * int(float(tokens[i + 1])))
            except ValueError:
                pass
            i += 3
            continue
        try:
            out.append(float(tokens[i]))
        except ValueError:
            pass
        i += 1
    return out


class _Archive:
    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.names = {n.lstrip("/"): n for n in archive.namelist()}

    def xml(self, name: str):
        key = posixpath.normpath(name.lstrip("/"))
        if key not in self.names:
            return None
        info = self.archive.getinfo(self.names[key])
        if info.file_size > _MAX_PART_BYTES:
            return None
        try:
            return etree.fromstring(self.archive.read(info), etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            return None


def _pieces(page) -> list[TextPiece]:
    pieces: list[TextPiece] = []
    for obj in _children(page, "TextObject"):
        box = _numbers(obj.get("Boundary"))
        if len(box) < 4:
            continue
        x, y, w, h = box[:4]
        codes = [c for c in obj if _local(c.tag) == "TextCode"]
        size = (_numbers(obj.get("Size")) or [h])[0]
        ctm = _numbers(obj.get("CTM"))
        scale = ctm[0] if len(ctm) == 6 and ctm[0] > 0 else 1.0
        if len(codes) == 1:
            text = codes[0].text or ""
            pieces.append(TextPiece(text, x, y, x + w, y + h, size * scale))
            continue
        for code in codes:  # several positioned runs in one object
            text = code.text or ""
            cx = x + (_numbers(code.get("X")) or [0.0])[0] * scale
            base = y + (_numbers(code.get("Y")) or [size])[0] * scale
            width = (sum(_deltas(code.get("DeltaX"))) + size) * scale if text else 0.0
            pieces.append(TextPiece(text, cx, base - size * scale, cx + width, base, size * scale))
    return pieces


def _page_parts(ofd: _Archive) -> list[tuple[str, list[str]]]:
    """(page content part, template content parts) for every page, in order."""
    root = ofd.xml("OFD.xml")
    if root is None:
        raise ValueError("OFD.xml")
    out: list[tuple[str, list[str]]] = []
    for doc_root in _children(root, "DocRoot"):
        doc_path = (doc_root.text or "").strip().lstrip("/")
        document = ofd.xml(doc_path)
        if document is None:
            continue
        base = posixpath.dirname(doc_path)
        templates = {t.get("ID"): posixpath.join(base, t.get("BaseLoc", "").lstrip("/"))
                     for t in _children(document, "TemplatePage")}
        for page in _children(document, "Page"):
            loc = page.get("BaseLoc", "")
            part = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc)
            content = ofd.xml(part)
            used = [templates[t.get("TemplateID")] for t in _children(content, "Template")
                    if t.get("TemplateID") in templates] if content is not None else []
            out.append((part, used))
    return out


def read_ofd(path: Path) -> ImportedDocument:
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"找不到文件“{path}”。请检查路径。")
    try:
        with zipfile.ZipFile(path) as archive:
            ofd = _Archive(archive)
            pages: list[list[PageLine]] = []
            for part, templates in _page_parts(ofd):
                pieces: list[TextPiece] = []
                for name in templates + [part]:
                    content = ofd.xml(name)
                    if content is not None:
                        pieces.extend(_pieces(content))
                pages.append(page_lines(pieces))
    except (zipfile.BadZipFile, ValueError, KeyError, OSError):
        raise InvalidInput(f"无法打开 OFD 文件“{path.name}”：文件已损坏，或不是 OFD 格式。"
                           "请用 OFD 阅读器打开后另存为 PDF 或导出文字后再导入。") from None
    items = paragraphs(without_running_lines(pages))
    if not items:
        raise InvalidInput(f"OFD 文件“{path.name}”中没有可读取的文字（可能是扫描图像）。"
                           "请导入该文件的 Word 原稿，或先做文字识别。")
    notes = ("OFD 文件按版面位置还原了阅读顺序和段落，请核对正文的分段。",)
    return ImportedDocument(path.name, paragraphs_markdown(items), tuple(items), notes=notes,
                            prominent_head=tuple(prominent_head(pages[0]) if pages else ()))
