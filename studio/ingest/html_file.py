"""A web page saved from a government site (.html): its main text, nothing else.

The main text is the element a site's templates put the document in (UCAP-CONTENT,
TRS_Editor, zoom …) when present, otherwise the block with the most Chinese prose.
Menus, headers, footers, share bars and scripts are left out. The page's own metadata
table (索引号, 发文字号 …) is kept apart as hints for the metadata extractor.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from studio.domain.errors import InvalidInput
from studio.ingest.document import ImportedDocument, MediaItem
from studio.ingest.html_tree import Node, parse_html
from studio.ingest.markdown_out import (
    Span,
    clean_space,
    escape_block_start,
    escape_inline,
    normalise_text,
    render_spans,
    table_markdown,
)
from studio.ingest.text_file import decode, read_bytes

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
_CONTENT_MARKER = re.compile(
    r"ucap-content|trs_editor|trs_uedi|\bzoom\b|article[-_]?content|pages_content|content[-_]?text|"
    r"xxgk[-_]?content|con[-_]?txt|main[-_]?text|wzcon|detail[-_]?con|art[-_]?con|news[-_]?content|"
    r"\bzwnr\b|\bzw\b|\bcontent\b|\bmaincontent\b|\barticle\b")
_BOILERPLATE = re.compile(
    r"\bnav|menu|\bheader\b|\bhead\b|footer|\bfoot\b|breadcrumb|crumb|share|sidebar|\bside\b|banner|search|"
    r"toolbar|login|copyright|position|location|\bdqwz\b|weizhi|related|xgxx|xgwj|fenxiang|\bprint\b|"
    r"qrcode|\bewm\b|\btopbar\b|\bbottom\b|\bfooter\b|pagination|\bpager\b|\bfont[-_]?size\b|\bzihao\b")
_DROPPED_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "button", "input", "label"})
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BLOCKS = frozenset(("p div section article center blockquote main address li dd dt figure figcaption "
                     "pre ul ol dl table tr td th tbody thead tfoot caption").split())
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BREAK_BETWEEN_CJK = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t\r\n]*\n[ \t\r\n]*"
                                r"(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")
_SPACES = re.compile(r"[ \t\r\n\f]+")
_FIELD_LABELS = ("索引号", "主题分类", "发文机关", "发文机构", "发布机构", "成文日期", "发文日期", "发文字号",
                 "文号", "标题", "主题词", "发布日期", "有效性")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg"}
_TITLE_SUFFIX = re.compile(r"\s*[_|｜\-—–]+\s*[^_|｜\-—–]*(?:网|网站|门户|政府|平台)\s*$")


def decode_html(raw: bytes, name: str) -> str:
    if raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(raw, name)
    declared = _CHARSET.search(raw[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        if encoding in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936"):
            encoding = "gb18030"
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to detection
    return decode(raw, name)


def _cjk_len(text: str) -> int:
    return len(_CJK.findall(text))


def _hidden(node: Node) -> bool:
    style = node.attrs.get("style", "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or "hidden" in node.attrs


def _boilerplate(node: Node) -> bool:
    return node.tag in _DROPPED_TAGS or _hidden(node) or bool(_BOILERPLATE.search(node.marker))


def _link_text_len(node: Node) -> int:
    return sum(_cjk_len(a.text()) for a in node.iter() if a.tag == "a")


def _main_node(root: Node) -> Node:
    """The element holding the document's text."""
    marked = [n for n in root.iter() if n.tag in ("div", "td", "article", "section", "main")
              and _CONTENT_MARKER.search(n.marker) and not _BOILERPLATE.search(n.marker)]
    marked = [n for n in marked if _cjk_len(n.text()) >= 20]
    if marked:
        # The innermost marked block that still holds nearly all the marked text.
        best = max(marked, key=lambda n: _cjk_len(n.text()) - 2 * _link_text_len(n))
        return best
    scores: dict[int, float] = {}
    nodes: dict[int, Node] = {}
    for node in root.iter():
        if node.tag not in ("p", "div", "td", "li", "section", "article") or _boilerplate(node):
            continue
        own = "".join(c for c in node.children if isinstance(c, str))
        own += "".join(c.text() for c in node.children if isinstance(c, Node) and c.tag not in _BLOCKS)
        value = _cjk_len(own) + 10 * own.count("，") + 10 * own.count("。")
        if value < 20:
            continue
        parent, weight = node.parent, 1.0
        for _ in range(3):
            if parent is None:
                break
            scores[id(parent)] = scores.get(id(parent), 0) + value * weight
            nodes[id(parent)] = parent
            parent, weight = parent.parent, weight / 2
    if not scores:
        body = next((n for n in root.iter() if n.tag == "body"), root)
        return body
    return nodes[max(scores, key=scores.__getitem__)]


class _Converter:
    def __init__(self, base: Path | None):
        self.base = base
        self.blocks: list[tuple[str, list[str]]] = []
        self.spans: list[Span] = []
        self.media: dict[str, MediaItem] = {}
        self.images_skipped = 0

    def flush(self, heading: int = 0) -> None:
        text = render_spans(self.spans)
        plain = "".join(s.plain if s.plain is not None else s.text for s in self.spans)
        self.spans = []
        lines = [clean_space(t) for t in text.split("\n")]
        lines = [t for t in lines if t]
        plain_lines = [t for t in (clean_space(_unescape(p)) for p in plain.split("\n")) if t]
        if not lines:
            return
        if heading:
            self.blocks.append(("#" * heading + " " + " ".join(lines), [" ".join(plain_lines)]))
        else:
            lines[0] = escape_block_start(lines[0])
            self.blocks.append(("\n".join(lines), plain_lines))

    def walk(self, node: Node, bold: bool = False, link: str = "") -> None:
        for child in node.children:
            if isinstance(child, str):
                text = _SPACES.sub(" ", _BREAK_BETWEEN_CJK.sub("", normalise_text(child)))
                if text:
                    self.spans.append(Span(escape_inline(text), bold, link))
                continue
            if _boilerplate(child):
                continue
            tag = child.tag
            if tag == "br":
                self.spans.append(Span("\n"))
            elif tag == "img":
                self.image(child)
            elif tag in _HEADINGS:
                self.flush()
                self.walk(child, False, link)
                self.flush(_HEADINGS[tag])
            elif tag == "table" and _is_data_table(child):
                self.flush()
                self.table(child)
            elif tag in _BLOCKS:
                self.flush()
                if tag == "li":
                    self.spans.append(Span("- ", plain=""))
                self.walk(child, bold, link)
                self.flush()
            elif tag in ("strong", "b"):
                self.walk(child, True, link)
            elif tag == "a":
                href = child.attrs.get("href", "").strip()
                scheme = urlsplit(href).scheme.lower()
                self.walk(child, bold, href if scheme in ("http", "https", "mailto") else link)
            else:
                self.walk(child, bold, link)

    def image(self, node: Node) -> None:
        src = unquote(node.attrs.get("src", "").strip())
        path = (self.base / src) if self.base and src and not urlsplit(src).scheme else None
        if path is not None and path.suffix.lower() in _IMAGE_SUFFIXES and path.is_file():
            item = MediaItem.from_bytes(path.read_bytes(), ".jpg" if path.suffix.lower() == ".jpeg" else path.suffix)
            self.media[item.name] = item
            alt = clean_space(node.attrs.get("alt", "")) or f"图{len(self.media)}"
            self.spans.append(Span(f"![{escape_inline(alt)}](media/{item.name})", plain=""))
        elif src:
            self.images_skipped += 1

    def table(self, node: Node) -> None:
        rows: list[list[str]] = []
        plain: list[str] = []
        for tr in (n for n in node.iter() if n.tag == "tr"):
            cells = [c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]
            row: list[str] = []
            for cell in cells:
                inner = _Converter(self.base)
                inner.walk(cell)
                inner.flush()
                self.media.update(inner.media)
                row.append(" ".join(b for b, _ in inner.blocks))
                plain.extend(line for _, lines in inner.blocks for line in lines)
                span = cell.attrs.get("colspan", "1")
                row.extend([""] * (int(span) - 1 if span.isdigit() and 1 < int(span) <= 50 else 0))
            rows.append(row)
        md = table_markdown(rows)
        if md:
            self.blocks.append((md, plain))


def _is_data_table(table: Node) -> bool:
    """A grid of short cells; a table used for page layout is read as blocks instead."""
    rows = [n for n in table.iter() if n.tag == "tr"]
    if len(rows) < 2 or any(n.tag == "table" for n in table.iter() if n is not table):
        return False
    cells = [c for r in rows for c in r.children if isinstance(c, Node) and c.tag in ("td", "th")]
    if max((sum(1 for c in r.children if isinstance(c, Node) and c.tag in ("td", "th")) for r in rows), default=0) < 2:
        return False
    return all(_cjk_len(c.text()) <= 200 for c in cells)


def _unescape(text: str) -> str:
    return re.sub(r"\\([\\`*_\[\]])", r"\1", text)


def _page_fields(root: Node, meta: dict[str, str]) -> list[str]:
    """"label：value" pairs from the page's metadata table or list, and its meta tags."""
    fields: list[str] = []
    for tr in (n for n in root.iter() if n.tag == "tr"):
        cells = [clean_space(c.text()) for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]
        for i, cell in enumerate(cells[:-1]):
            label = cell.rstrip("：:").replace(" ", "")
            if label in _FIELD_LABELS and cells[i + 1] and cells[i + 1].rstrip("：:") not in _FIELD_LABELS:
                fields.append(f"{label}：{cells[i + 1]}")
    for node in root.iter():
        if node.tag in ("li", "p", "span", "div") and not any(
                isinstance(c, Node) and c.tag in _BLOCKS for c in node.children):
            text = clean_space(node.text())
            if any(text.startswith(label) for label in _FIELD_LABELS) and ("：" in text or ":" in text) \
                    and len(text) <= 120:
                fields.append(text)
    if meta.get("ArticleTitle"):
        fields.append(f"标题：{meta['ArticleTitle']}")
    return fields


def read_html(path: Path) -> ImportedDocument:
    path = Path(path)
    text = decode_html(read_bytes(path), path.name)
    page = parse_html(text)
    main = _main_node(page.root)
    converter = _Converter(path.parent)
    converter.walk(main)
    converter.flush()
    markdown = "\n\n".join(b for b, _ in converter.blocks)
    if _cjk_len(markdown) < 10:
        raise InvalidInput(f"网页“{path.name}”中没有找到正文。请确认保存的是文件正文所在的页面"
                           "（浏览器“另存为”→“网页，全部”或“网页，仅 HTML”）。")
    lines = tuple(line for _, ls in converter.blocks for line in ls)
    notes: list[str] = []
    if converter.images_skipped:
        notes.append(f"网页中有{converter.images_skipped}张图片不在本机（只保存了网页地址），未能导入。"
                     "如需图片，请用“另存为→网页，全部”保存后再导入，或另行添加到图解。")
    fields = _page_fields(page.root, page.meta)
    title = _TITLE_SUFFIX.sub("", clean_space(page.title))
    if title and not any(f.startswith("标题") for f in fields):
        fields.append(f"页面标题：{title}")
    return ImportedDocument(path.name, markdown + "\n", lines, tuple(converter.media.values()),
                            page_fields=tuple(fields), notes=tuple(notes))
