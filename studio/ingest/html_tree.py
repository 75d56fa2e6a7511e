"""A forgiving element tree from the standard library's HTML parser.

Government pages are often hand-edited and unbalanced (unclosed <p>, stray </div>);
the builder closes what a browser would close and ignores end tags it cannot match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Content never shown as text.
SKIPPED = frozenset("script style noscript template svg math iframe object canvas select button textarea head".split())
BLOCK = frozenset(("address article aside blockquote center dd details dialog div dl dt fieldset figcaption figure "
                   "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th "
                   "thead tr ul").split())
# An open <p> ends where another block starts; list items and cells end at their siblings.
_CLOSES = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr", "td", "th"},
           "td": {"td", "th"}, "th": {"td", "th"}, "thead": {"tbody", "thead"}, "tbody": {"tbody", "thead"}}
_SCOPES = {"table", "ul", "ol", "dl"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def text(self) -> str:
        parts: list[str] = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text())
        return "".join(parts)

    @property
    def marker(self) -> str:
        """id and class, lower case: what boilerplate blocks are recognised by."""
        return f"{self.attrs.get('id', '')} {self.attrs.get('class', '')}".lower()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack: list[Node] = [self.root]
        self.skip_depth = 0
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def _close_until(self, tags: set[str], stop: set[str]) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in stop:
                return
            if tag in tags:
                del self.stack[i:]
                return

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "meta":
            d = {k.lower(): v or "" for k, v in attrs}
            name = (d.get("name") or d.get("property") or "").strip()
            if name and d.get("content"):
                self.meta[name] = d["content"].strip()
            return
        if tag == "title":
            self._in_title = True
            return
        if self.skip_depth:
            if tag in SKIPPED and tag not in VOID:
                self.skip_depth += 1
            return
        if tag in SKIPPED:
            self.skip_depth = 1
            return
        if tag in BLOCK:
            self._close_until({"p"}, _SCOPES | {"td", "th", "li"})
        if tag in _CLOSES:
            self._close_until(_CLOSES[tag], _SCOPES - {tag} if tag not in ("tr", "td", "th") else {"table"})
        node = Node(tag, {k.lower(): (v or "") for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag and not self.skip_depth:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if self.skip_depth:
            if tag in SKIPPED:
                self.skip_depth -= 1
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self.skip_depth or not data:
            return
        self.stack[-1].children.append(data)


@dataclass
class Page:
    root: Node
    title: str
    meta: dict[str, str]


def parse_html(text: str) -> Page:
    builder = _Builder()
    builder.feed(text)
    builder.close()
    return Page(builder.root, builder.title.strip(), builder.meta)
