"""Explainer sections from a drafted text: each heading starts a section, the paragraphs under it
are its points (or its steps, milestones, figures… when they plainly are: see section_kinds).

An office often drafts the explainer's words in Word first (“一、出台背景 …… 二、补贴标准 ……”)
or in Markdown (“## 出台背景”). Both are headings here: 公文 heading lines are first written as
Markdown headings by the same rules the preview and the exported table of contents use
(studio.domain.gongwen_headings), so “一、” and “##” make the same sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studio.domain.explainer.model import section_heading
from studio.domain.explainer.section_kinds import typed_section
from studio.domain.gongwen_headings import mark_headings

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)、]|[（(]\d{1,2}[）)])\s+")
_MARKUP = re.compile(r"\\(.)|\*\*|__")
# A title longer than this is a sentence, not the explainer's title.
_TITLE_CHARS = 60


@dataclass
class Outline:
    title: str = ""
    sections: list[dict] = field(default_factory=list)


def plain_words(text: str) -> str:
    """Text without Markdown emphasis marks or escapes."""
    return _MARKUP.sub(lambda m: m.group(1) or "", text).strip()


def outline(text: str) -> Outline:
    """The title (a lone top heading) and one section per heading of the highest level used."""
    lines = mark_headings(text.replace("\r\n", "\n"), top=2).split("\n")
    headings = [(len(m.group(1)), m.group(2)) for line in lines if (m := _HEADING.match(line))]
    result = Outline()
    levels = sorted({level for level, _ in headings})
    if not levels:
        return result
    if levels[0] == 1 and sum(1 for level, _ in headings if level == 1) == 1 and len(levels) > 1:
        levels = levels[1:]  # “# 一图读懂……” over the sections is the title
    top = levels[0]
    current: dict | None = None
    for line in lines:
        match = _HEADING.match(line)
        if match and len(match.group(1)) < top:
            heading = plain_words(match.group(2))
            if not result.title and len(heading) <= _TITLE_CHARS:
                result.title = heading
            continue
        if match and len(match.group(1)) == top:
            current = {"heading": section_heading(plain_words(match.group(2))), "items": []}
            result.sections.append(current)
            continue
        words = section_heading(plain_words(match.group(2))) if match else plain_words(_LIST_MARK.sub("", line))
        if current is not None and words:
            current["items"].append(words)  # a lower heading or a paragraph is one point
        elif current is None and words and not result.title and len(words) <= _TITLE_CHARS:
            result.title = words  # a short line over the first section, as Word drafts put the title
    result.sections = [typed_section(s["heading"], s["items"]) for s in result.sections]
    return result
