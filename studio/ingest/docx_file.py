"""Word (.docx) files: headings, numbered lists, tables, bold, links, images and footnotes.

python-docx opens the package; the body is walked as XML so that runs inside tracked
insertions, links and content controls are kept and tracked deletions are not. Only
loaded when a .docx is imported.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.ingest.document import ImportedDocument, MediaItem
from studio.ingest.docx_numbering import Numbering, read_numbering
from studio.ingest.docx_styles import TRUE, StyleInfo, W, num_pr, read_styles
from studio.ingest.markdown_out import (
    Span,
    clean_space,
    escape_block_start,
    escape_inline,
    normalise_text,
    render_spans,
    table_markdown,
)

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_IMAGE_TYPES = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/bmp": ".bmp",
                "image/tiff": ".tif", "image/webp": ".webp", "image/x-emf": ".emf", "image/x-wmf": ".wmf",
                "image/svg+xml": ".svg"}
_WEB_IMAGES = {".png", ".jpg", ".gif", ".webp", ".svg", ".bmp"}
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_NOTE_PARTS = ("footnotes", "endnotes")


@dataclass
class _Block:
    markdown: str
    lines: list[str]


@dataclass
class _State:
    media: dict[str, MediaItem] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    images: int = 0
    images_without_alt: int = 0
    not_for_web: set[str] = field(default_factory=set)


class DocxReader:
    def __init__(self, document, name: str):
        self.doc = document
        self.name = name
        self.part = document.part
        self.styles = read_styles(self.doc.styles.element)
        numbering_root = None
        try:
            numbering_root = self.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            pass
        self.numbering: Numbering = read_numbering(numbering_root)
        self.state = _State()
        self.note_texts = {kind: self._read_notes(kind) for kind in _NOTE_PARTS}

    # -- definitions ----------------------------------------------------------
    def _read_notes(self, kind: str) -> dict[str, str]:
        """Footnote or endnote id -> its text; separators left out."""
        from lxml import etree

        tag = W + ("footnote" if kind == "footnotes" else "endnote")
        for rel in self.part.rels.values():
            if rel.is_external or not rel.reltype.endswith("/" + kind):
                continue
            try:
                root = etree.fromstring(rel.target_part.blob)
            except etree.XMLSyntaxError:
                self.state.notes.append(f"Word 文件中的{'脚注' if kind == 'footnotes' else '尾注'}已损坏，未能导入。")
                return {}
            notes: dict[str, str] = {}
            for note in root.iter(tag):
                if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = " ".join(clean_space(self._plain(p)) for p in note.iter(W + "p"))
                notes[note.get(W + "id", "")] = clean_space(text)
            return notes
        return {}

    def _plain(self, el) -> str:
        parts = []
        for node in el.iter(W + "t", W + "tab", W + "br"):
            if self._deleted(node):
                continue
            parts.append(node.text or "" if node.tag == W + "t" else " ")
        return "".join(parts)

    def _deleted(self, node) -> bool:
        parent = node.getparent()
        while parent is not None:
            if parent.tag in (W + "del", W + "moveFrom", MC + "Fallback"):
                return True
            parent = parent.getparent()
        return False

    def _first_page_header(self) -> list[str]:
        """The lines of the header printed on the first page (text boxes included)."""
        try:
            section = self.doc.sections[0]
            header = section.first_page_header if section.different_first_page_header_footer else section.header
            if header.is_linked_to_previous:
                return []
            element = header._element
        except (IndexError, AttributeError, KeyError, ValueError):
            return []
        lines: list[str] = []
        for p in element.iter(W + "p"):
            if p.find(".//" + W + "txbxContent") is not None:
                continue  # its text box paragraphs are visited on their own
            text = clean_space(self._plain(p))
            if text and not re.fullmatch(r"[-—\s\d第页共/]*", text):
                lines.append(text)
        return lines

    # -- body -----------------------------------------------------------------
    def read(self) -> ImportedDocument:
        blocks = list(self._blocks(self.doc.element.body))
        if self.state.footnotes:
            note_lines = ["注释："] + [f"[注{i}] {t}" for i, t in enumerate(self.state.footnotes, 1)]
            blocks.append(_Block("\n\n".join(escape_inline(line) for line in note_lines), note_lines))
        markdown = "\n\n".join(b.markdown for b in blocks if b.markdown.strip())
        # A 版头 some offices put in the first page's header comes before the body, for the metadata only.
        lines = tuple(self._first_page_header() + [line for b in blocks for line in b.lines if line.strip()])
        if not markdown.strip():
            raise InvalidInput(f"Word 文件“{self.name}”中没有文字内容。如正文是扫描图片，请先转换为文字后再导入。")
        notes = list(self.state.notes)
        if self.state.footnotes:
            notes.append(f"{len(self.state.footnotes)}条脚注（尾注）已转为正文末尾的“注释”，正文中以[注1]等标出。")
        if self.state.images_without_alt:
            notes.append(f"{self.state.images_without_alt}张图片没有替代文字（Word 中的“可选文字”），"
                         "已暂用“图N”代替，发布前请补写图片说明。")
        for suffix in sorted(self.state.not_for_web):
            notes.append(f"有图片为 {suffix} 格式，网页无法直接显示，请在 Word 中将其另存为 PNG 后重新导入。")
        return ImportedDocument(self.name, markdown + "\n", lines, tuple(self.state.media.values()),
                                notes=tuple(notes))

    def _blocks(self, container):
        for child in container.iterchildren():
            if child.tag == W + "p":
                yield from self._paragraph(child)
            elif child.tag == W + "tbl":
                yield self._table(child)
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from self._blocks(content)
            elif child.tag in (W + "ins", W + "customXml", W + "smartTag"):
                yield from self._blocks(child)

    def _paragraph_style(self, p) -> tuple[StyleInfo, str, int]:
        ppr = p.find(W + "pPr")
        style = StyleInfo()
        num_id, ilvl = "", 0
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            if ps is not None:
                style = self.styles.get(ps.get(W + "val", ""), StyleInfo())
            num_id, ilvl = style.num_id, style.ilvl
            num = ppr.find(W + "numPr")
            if num is not None:
                own_id, own_lvl = num_pr(num)
                num_id = own_id or num_id
                ilvl = own_lvl if num.find(W + "ilvl") is not None else ilvl
            outline = ppr.find(W + "outlineLvl")
            if outline is not None and outline.get(W + "val", "9").isdigit():
                level = int(outline.get(W + "val", "9")) + 1
                style = StyleInfo(level if level <= 6 else 0, style.num_id, style.ilvl, style.bold)
        else:
            style = self.styles.get("Normal", StyleInfo())
        return style, num_id, ilvl

    def _paragraph(self, p) -> Iterator[_Block]:
        style, num_id, ilvl = self._paragraph_style(p)
        spans: list[Span] = []
        boxes: list[_Block] = []
        self._runs(p, spans, boxes, style.bold, "")
        if style.heading:
            for span in spans:  # a heading is bold by its style already
                span.bold = False
        yield from boxes
        # Soft line breaks split a paragraph into lines.
        md_lines = [clean_space(t) for t in render_spans(spans).split("\n")]
        plain = [clean_space(t) for t in
                 "".join(s.plain if s.plain is not None else _unescape(s.text) for s in spans).split("\n")]
        md_lines = [t for t in md_lines if t]
        plain = [t for t in plain if t]
        if not md_lines:
            return
        if style.heading and plain:
            yield _Block("#" * style.heading + " " + " ".join(md_lines), [" ".join(plain)])
            return
        label = self.numbering.next_label(num_id, ilvl) if num_id and num_id != "0" else ""
        if label and self.numbering.is_bullet(num_id, ilvl):
            md_lines[0] = "  " * ilvl + "- " + md_lines[0]
        else:
            if label and plain:
                if label[-1].isascii() and label[-1] not in " \t":
                    label += " "  # Word puts a tab after "1." or "(a)"
                plain[0] = label + plain[0]
                md_lines[0] = escape_inline(label) + md_lines[0]
            md_lines[0] = escape_block_start(md_lines[0])
        yield _Block("\n".join(md_lines), plain)

    def _runs(self, el, spans: list[Span], boxes: list[_Block], bold: bool, link: str) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag == W + "r":
                self._run(child, spans, boxes, bold, link)
            elif tag == W + "hyperlink":
                rid = child.get(R + "id")
                target = ""
                if rid and rid in self.part.rels and self.part.rels[rid].is_external:
                    target = self.part.rels[rid].target_ref
                self._runs(child, spans, boxes, bold, target)
            elif tag in (W + "ins", W + "smartTag", W + "customXml", W + "fldSimple",
                         W + "moveTo", W + "sdtContent"):
                self._runs(child, spans, boxes, bold, link)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._runs(content, spans, boxes, bold, link)
            # w:del, w:moveFrom, bookmarks, comments and proofing marks carry no visible text

    def _run(self, r, spans: list[Span], boxes: list[_Block], bold: bool, link: str) -> None:
        rpr = r.find(W + "rPr")
        if rpr is not None:
            rs = rpr.find(W + "rStyle")
            if rs is not None and rs.get(W + "val", "") in self.styles:
                bold = self.styles[rs.get(W + "val", "")].bold or bold
            b = rpr.find(W + "b")
            if b is not None:
                bold = b.get(W + "val") in TRUE
            if rpr.find(W + "vanish") is not None:
                return  # hidden text is not part of what readers see
        for child in r.iterchildren():
            tag = child.tag
            if tag == W + "t":
                spans.append(Span(escape_inline(normalise_text(child.text or "")), bold, link))
            elif tag == W + "tab":
                spans.append(Span(" ", bold, link))
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") not in ("page", "column"):
                    spans.append(Span("\n", False, ""))
            elif tag == W + "noBreakHyphen":
                spans.append(Span("-", bold, link))
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                kind = "footnotes" if tag == W + "footnoteReference" else "endnotes"
                text = self.note_texts[kind].get(child.get(W + "id", ""), "")
                if text:
                    self.state.footnotes.append(text)
                    spans.append(Span(escape_inline(f"[注{len(self.state.footnotes)}]"), False, ""))
            elif tag in (W + "drawing", W + "pict", MC + "AlternateContent", W + "object"):
                self._graphic(child, spans, boxes)

    # -- images and text boxes -------------------------------------------------
    def _graphic(self, el, spans: list[Span], boxes: list[_Block]) -> None:
        if el.tag == MC + "AlternateContent":
            choice = el.find(MC + "Choice")
            el = choice if choice is not None else el
        for box in el.iter(W + "txbxContent"):
            boxes.extend(self._blocks(box))
        seen: set[str] = set()
        blips = [(b.get(R + "embed"), b) for b in el.iter(A_BLIP)]
        blips += [(v.get(R + "id"), v) for v in el.iter(V_IMAGEDATA)]
        for rid, node in blips:
            if not rid or rid in seen or rid not in self.part.related_parts:
                continue
            seen.add(rid)
            image_part = self.part.related_parts[rid]
            suffix = _IMAGE_TYPES.get(getattr(image_part, "content_type", ""), "") or \
                Path(str(getattr(image_part, "partname", "x.bin"))).suffix.lower() or ".bin"
            item = MediaItem.from_bytes(image_part.blob, suffix)
            self.state.media[item.name] = item
            self.state.images += 1
            if suffix not in _WEB_IMAGES:
                self.state.not_for_web.add(suffix.lstrip(".").upper())
            alt = self._alt_text(node)
            if not alt:
                self.state.images_without_alt += 1
                alt = f"图{self.state.images}"
            spans.append(Span(f"![{escape_inline(alt)}](media/{item.name})", False, "", plain=""))

    def _alt_text(self, node) -> str:
        parent = node.getparent()
        while parent is not None and parent.tag not in (WP + "inline", WP + "anchor", W + "pict"):
            parent = parent.getparent()
        if parent is None:
            return ""
        doc_pr = parent.find(WP + "docPr")
        if doc_pr is not None:
            return clean_space(doc_pr.get("descr") or doc_pr.get("title") or "")
        return ""

    # -- tables ----------------------------------------------------------------
    def _table(self, tbl) -> _Block:
        rows: list[list[str]] = []
        lines: list[str] = []
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not tbl and tr.getparent().tag != W + "sdtContent":
                continue  # rows of a nested table are read as part of their cell
            row: list[str] = []
            for tc in tr.iterchildren(W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span, continued = 1, False
                if tcpr is not None:
                    gs = tcpr.find(W + "gridSpan")
                    if gs is not None and gs.get(W + "val", "1").isdigit():
                        span = int(gs.get(W + "val", "1"))
                    vm = tcpr.find(W + "vMerge")
                    continued = vm is not None and vm.get(W + "val") in (None, "continue")
                cell_blocks = [] if continued else list(self._blocks(tc))
                text = " ".join(clean_space(_HEADING_MARK.sub("", b.markdown).replace("\n", " ")) for b in cell_blocks)
                for b in cell_blocks:
                    lines.extend(b.lines)
                row.append(text)
                row.extend([""] * (span - 1))
            rows.append(row)
        return _Block(table_markdown(rows), lines)


def _unescape(text: str) -> str:
    return re.sub(r"\\([\\`*_\[\]])", r"\1", text)


def _open_package(docx, path: Path):
    try:
        return docx.Document(str(path))
    except KeyError:
        from studio.ingest.docx_repair import without_dangling_relationships

        repaired = without_dangling_relationships(path)
        if repaired is None:
            raise
        return docx.Document(repaired)


def read_docx(path: Path, shown_name: str | None = None) -> ImportedDocument:
    """The Word file at `path`; messages and the result name it `shown_name` (default: its own name)."""
    path = Path(path)
    name = shown_name or path.name
    if not path.is_file():
        raise InvalidInput(f"找不到文件“{path}”。请检查路径。")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a broken installation
        raise InvalidInput("缺少读取 Word 文件所需的组件 python-docx，请重新安装本软件。") from None
    try:
        document = _open_package(docx, path)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise InvalidInput(f"无法打开 Word 文件“{name}”：文件已损坏，或不是 .docx 格式。"
                           "旧版 .doc 文件请先在 Word 或 WPS 中另存为 .docx。") from None
    except Exception as e:  # lxml and zip errors surface in many forms on damaged files
        raise InvalidInput(f"无法读取 Word 文件“{name}”：{e}。"
                           "请在 Word 或 WPS 中打开后另存为 .docx 再导入。") from None
    try:
        return DocxReader(document, name).read()
    except InvalidInput:
        raise
    except (ValueError, KeyError, AttributeError, TypeError, IndexError) as e:
        # Damaged parts (numbering, styles, relationships) show up as any of these.
        raise InvalidInput(f"Word 文件“{name}”的内容已损坏，无法读取（{type(e).__name__}）。"
                           "请在 Word 或 WPS 中打开后另存为新的 .docx 再导入。") from None
