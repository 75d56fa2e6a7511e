"""How deep a web page nests, found before any parser walks it.

A page of ten thousand nested <div> elements is refused at once: parsers and the tree
walks after them take time growing much faster than the nesting, and finally overflow.
"""

from __future__ import annotations

import re
from pathlib import Path

from studio.domain.errors import InvalidInput

MAX_DEPTH = 500
# Elements that never hold others, or whose end tag may be left out (they do not nest).
_FLAT = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "!doctype"})
_TAG = re.compile(rb"<(/?)([A-Za-z!][A-Za-z0-9:!-]*)[^>]*?(/?)>")


def markup_depth(data: bytes) -> int:
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(data):
        if name.lower().decode("ascii", "replace") in _FLAT or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def check_markup(path: Path) -> None:
    """Raise InvalidInput when the page at `path` nests deeper than any real document."""
    depth = markup_depth(Path(path).read_bytes())
    if depth > MAX_DEPTH:
        raise InvalidInput(f"“{Path(path).name}”中的网页元素嵌套超过 {MAX_DEPTH} 层（共 {depth} 层），"
                           "不像正常的文档，可能已损坏或被恶意构造，未予导入。请在浏览器或 Word 中打开后另存为新文件再导入。")
