"""Reading exported pages in tests: links, ids, scripts, JSON-LD, meta tags."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageScan:
    links: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    scripts: list[dict[str, str]] = field(default_factory=list)
    script_texts: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    event_handlers: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def jsonld(self) -> list[dict]:
        return [json.loads(t) for s, t in zip(self.scripts, self.script_texts)
                if s.get("type") == "application/ld+json"]


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._in_script = False
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.scan.tags.append(tag)
        if "id" in a:
            self.scan.ids.add(a["id"])
        self.scan.event_handlers += [k for k in a if k.startswith("on")]
        if tag in ("a", "link") and "href" in a:
            self.scan.links.append(a["href"])
        if tag in ("img", "script", "iframe", "embed", "source") and "src" in a:
            self.scan.sources.append(a["src"])
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.scan.meta[key] = a.get("content", "")
        if tag == "script":
            self.scan.scripts.append(a)
            self._in_script, self._text = True, []

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script:
            self.scan.script_texts.append("".join(self._text))
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self._text.append(data)


def scan(html: str) -> PageScan:
    parser = _Scanner()
    parser.feed(html)
    parser.close()
    return parser.scan


def scan_file(path: Path) -> PageScan:
    return scan(path.read_text("utf-8"))


def is_external(href: str) -> bool:
    return urlsplit(href).scheme in ("http", "https", "mailto", "tel")


def resolve(page: Path, href: str) -> tuple[Path, str]:
    """The file a relative link points to, and its fragment."""
    parts = urlsplit(href)
    target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    return target, unquote(parts.fragment)
