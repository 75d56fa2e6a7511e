"""Markdown to safe HTML for published pages.

Raw HTML is off, so a package's text can never inject markup or script; links keep
only web, mail and phone schemes (and in-page anchors); a bare web address in the text
becomes a link (studio.domain.web_links); images in a body become
links, because a published page must not load pictures from elsewhere. Headings get
stable ids made from their own words, so a link to a section of a Chinese text keeps
working when the page is exported again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from studio.domain.gongwen_headings import mark_headings
from studio.domain.web_links import split_links

_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
# Characters a heading id keeps: letters, digits and CJK; the rest become single hyphens.
_ID_DROP = re.compile(r"[^\w\u3400-\u9fff\uf900-\ufaff]+")
_MAX_ID = 40
# C0/C1 controls (except tab and newline), noncharacters and lone surrogates: not allowed in HTML.
# Controls, noncharacters, lone surrogates, and the bidi embeddings/overrides/isolates
# that can make a published title read differently from what was approved.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff"
                      "\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """Text safe to put in an HTML or XML document: controls and noncharacters removed."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVALID.sub("", text)


def safe_url(url: str) -> bool:
    """Whether a link target may appear on a published page."""
    url = url.strip()
    if url.startswith("#"):
        return len(url) > 1
    lowered = re.sub(r"[\s\x00-\x20]", "", url).lower()
    return lowered.startswith(_SAFE_SCHEMES) and len(lowered) > len(lowered.split(":", 1)[0]) + 1


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str


@dataclass(frozen=True)
class RenderedMarkdown:
    html: str
    headings: tuple[Heading, ...]
    plain: str


def heading_id(text: str, prefix: str = "h-") -> str:
    """An id made of the heading's own words: 一、出台背景 → h-一-出台背景."""
    text = unicodedata.normalize("NFKC", text).lower()
    core = _ID_DROP.sub("-", text).strip("-_")[:_MAX_ID].strip("-_")
    return prefix + (core or "section")


def _validate_link(url: str) -> bool:
    return safe_url(url)


def _table_open(self, tokens, idx, options, env) -> str:
    # A wide table scrolls inside its own box on a phone; the box must be reachable by keyboard.
    return '<div class="table-wrap" role="region" tabindex="0" aria-label="表格（可左右滚动）">\n<table>\n'


def _table_close(self, tokens, idx, options, env) -> str:
    return "</table>\n</div>\n"


def _image(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env) or "图片"
    src = token.attrGet("src") or ""
    label = f"［图片：{_escape(alt)}］"
    if safe_url(str(src)) and not str(src).startswith("#"):
        return f'<a href="{_escape(str(src))}">{label}</a>'
    return label


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _link_bare_addresses(state: StateCore) -> None:
    """A bare https://… or www.… in running text becomes a link; its words stay exactly as written.
    Text already inside a link, and code, are left alone."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        inside = 0
        for child in block.children:
            inside += child.type == "link_open"
            inside -= child.type == "link_close"
            if child.type != "text" or inside or ("://" not in child.content and "www." not in child.content.lower()):
                children.append(child)
                continue
            for words, href in split_links(child.content):
                if not href or not safe_url(href):
                    part = Token("text", "", 0)
                    part.content = words
                    children.append(part)
                    continue
                opening = Token("link_open", "a", 1, attrs={"href": href})
                opening.markup, opening.info = "linkify", "auto"
                text = Token("text", "", 0)
                text.content = words
                closing = Token("link_close", "a", -1)
                closing.markup, closing.info = "linkify", "auto"
                children += [opening, text, closing]
        block.children = children


@lru_cache(maxsize=2)
def _parser(bare_links: bool = True) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": False, "breaks": True,
                                   "linkify": False, "typographer": False})
    md.enable("table")
    if bare_links:  # after text_join, so an address is one text token
        md.core.ruler.push("bare_links", _link_bare_addresses)
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", _table_close)
    md.add_render_rule("image", _image)
    return md


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append("".join(c.content for c in child.children or []))
    return "".join(parts).strip()


def _comparable(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _drop_leading(tokens: list[Token], kind: str, texts: set[str]) -> list[Token]:
    """Leave out a first block (heading or paragraph) whose words repeat the page's own."""
    if len(tokens) >= 3 and tokens[0].type == f"{kind}_open" and _comparable(_inline_text(tokens[1])) in texts:
        return tokens[3:]
    return tokens


def render_markdown(text: str, *, top_level: int = 2, drop_title: str = "", drop_lead: tuple[str, ...] = (),
                    right_aligned: tuple[str, ...] = (), id_prefix: str = "h-",
                    taken_ids: frozenset[str] = frozenset(), bare_links: bool = True) -> RenderedMarkdown:
    """Render `text`; its highest heading becomes h`top_level` (the page has its own h1).

    `drop_title`: a first heading that only repeats the page title is left out, and so is
    a first paragraph after it that only repeats one of `drop_lead` (the 发文字号).
    `right_aligned`: paragraphs that are exactly one of these (发文机关署名, 成文日期)
    are set right, as a 公文 prints them.
    `taken_ids`: ids the page template already uses, which headings must not take.
    `bare_links`: a bare web address (https://… or www.…) in the text becomes a link to it.
    公文 heading lines (一、 / （一） / 1. / （1）) are headings whether or not they carry #.
    """
    md = _parser(bare_links)
    tokens = md.parse(mark_headings(clean_text(text)))
    if drop_title:
        tokens = _drop_leading(tokens, "heading", {_comparable(drop_title)})
    lead = {_comparable(t) for t in drop_lead if t.strip()}
    if lead:
        tokens = _drop_leading(tokens, "paragraph", lead)
    right = {_comparable(t) for t in right_aligned if t.strip()}
    if right:
        longest = max(len(t) for t in right_aligned) + 8
        for i, token in enumerate(tokens[:-1]):
            if (token.type == "paragraph_open" and len(tokens[i + 1].content) <= longest
                    and _comparable(_inline_text(tokens[i + 1])) in right):
                token.attrSet("class", "signature")
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    shift = top_level - min(levels) if levels else 0
    used: set[str] = set(taken_ids)
    headings: list[Heading] = []
    plain: list[str] = []
    for i, token in enumerate(tokens):
        if token.type == "inline":
            plain.append(_inline_text(token))
        if token.type not in ("heading_open", "heading_close"):
            continue
        level = max(1, min(6, int(token.tag[1]) + shift))
        token.tag = f"h{level}"
        if token.type == "heading_open":
            words = _inline_text(tokens[i + 1])
            base = heading_id(words, id_prefix)
            hid, n = base, 2
            while hid in used:
                hid, n = f"{base}-{n}", n + 1
            used.add(hid)
            token.attrSet("id", hid)
            headings.append(Heading(level, words, hid))
    html = md.renderer.render(tokens, md.options, {})
    return RenderedMarkdown(html, tuple(headings), "\n".join(p for p in plain if p))
