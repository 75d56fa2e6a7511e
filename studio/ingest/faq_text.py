"""FAQ text in the forms offices write it.

问：…答：… (on one line or several), 问/答 headings with the answer in the paragraphs
below, Q:/A:, numbered questions ending in ？ followed by answer paragraphs, and
一、二、 headings. A FAQ that cannot be read is refused with the line where reading
stopped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studio.domain.errors import InvalidInput
from studio.domain.pieces import FaqItem
from studio.ingest.faq_interview import read_interview

_DECOR = re.compile(r"^\s*(?:#{1,6}\s*|\*\*|__|>\s*)*")
_TRAILING_DECOR = re.compile(r"(?:\*\*|__)+\s*$")
_QUESTION = re.compile(r"^(?:问题?|记者|Q|q)\s*(?:\d+|[一二三四五六七八九十]+)?\s*[：:．.、]\s*(.*)$")
_BARE_QUESTION = re.compile(r"^(?:问|Q)$")
_ANSWER = re.compile(r"^(?:答|回答|A|a)\s*[：:．.、]\s*(.*)$")
_BARE_ANSWER = re.compile(r"^(?:答|A)$")
_NUMBERED = re.compile(r"^(\d+\s*[.．、)）]|[（(]\d+[)）]|第\d+问[：:]?)\s*(.+[？?])$")
_MAX_PREAMBLE = 8
_CN_HEADING = re.compile(r"^[一二三四五六七八九十]+\s*[、．.]\s*(.+)$")
_HEADING = re.compile(r"^\s*#{1,6}\s")
_INLINE_ANSWER = re.compile(r"\s*(?:\*\*)?(?:答|A)\s*[：:]\s*(?:\*\*)?")
FORMS = "“问：…答：…”、“Q:…A:…”、以“？”结尾的编号问题（如“1. …？”）或“一、”“二、”标题"

LABELLED, NUMBERED, CN_HEADINGS = "labelled", "numbered", "cn_headings"


@dataclass(frozen=True)
class ParsedFaq:
    title: str
    items: list[FaqItem]
    # Lines read as group headings ("一、申请条件" above labelled questions): not kept.
    notes: tuple[str, ...] = ()


@dataclass
class _Item:
    line: int
    question: list[str]
    answer: list[str] | None = None
    # A question set as a heading (or numbered, or 一、) has its answer in the lines below.
    heading: bool = False


@dataclass
class _Reader:
    form: str
    items: list[_Item] = field(default_factory=list)
    title: str = ""
    notes: list[str] = field(default_factory=list)
    preamble: int = 0
    # How the first numbered question is numbered ("1." or "（1）"): other styles are sub-points.
    numbering: str = ""


def _clean(line: str) -> str:
    # Bold marks only decorate a question or a label; they carry no words.
    return _TRAILING_DECOR.sub("", _DECOR.sub("", line)).replace("**", "").strip()


def _form(lines: list[str]) -> str:
    cleaned = [_clean(line) for line in lines]
    if any(_QUESTION.match(c) or _BARE_QUESTION.match(c) or _ANSWER.match(c) for c in cleaned):
        return LABELLED
    if any(_NUMBERED.match(c) for c in cleaned):
        return NUMBERED
    if any(_CN_HEADING.match(c) for c in cleaned):
        return CN_HEADINGS
    return ""


def _question_of(line: str, form: str) -> str | None:
    """The question a line opens, or None when the line does not open one."""
    if form == LABELLED:
        m = _QUESTION.match(line)
        if m:
            return m.group(1)
        return "" if _BARE_QUESTION.match(line) else None
    if form == NUMBERED:
        m = _NUMBERED.match(line)
        return m.group(2) if m else None
    m = _CN_HEADING.match(line)
    return m.group(1) if m else None


def _is_group_heading(raw: str, line: str, next_line: str, form: str) -> bool:
    """A heading right above a question only groups the questions below it."""
    if _question_of(next_line, form) is None:
        return False
    return bool(_HEADING.match(raw) or _CN_HEADING.match(line)) and not line.endswith(("？", "?"))


def parse_faq_text(text: str) -> ParsedFaq:
    """Questions and answers; InvalidInput names the line where reading stopped."""
    raw_lines = text.splitlines()
    interview = read_interview([_clean(line) for line in raw_lines])
    if interview is not None:
        return ParsedFaq(interview.title, interview.items, interview.notes)
    form = _form(raw_lines)
    if not form:
        raise InvalidInput(f"没有找到任何问答。问答应写作{FORMS}。")
    reader = _Reader(form)
    cleaned = [_clean(line) for line in raw_lines]
    following = [""] * len(cleaned)
    nxt = ""
    for i in range(len(cleaned) - 1, -1, -1):
        following[i] = nxt
        if cleaned[i]:
            nxt = cleaned[i]
    for n, (raw, line) in enumerate(zip(raw_lines, cleaned), 1):
        if not line:
            if reader.items and reader.items[-1].answer:
                reader.items[-1].answer.append("")
            continue
        _read_line(reader, n, raw, line, following[n - 1])
    items = [_finish(item) for item in reader.items]
    if not items:
        raise InvalidInput(f"没有找到任何问答。问答应写作{FORMS}。")
    return ParsedFaq(reader.title, items, tuple(reader.notes))


def _read_line(reader: _Reader, n: int, raw: str, line: str, next_line: str) -> None:
    form = reader.form
    current = reader.items[-1] if reader.items else None
    question = _question_of(line, form)
    if question is not None and form == NUMBERED:
        style = _numbering_style(line)
        if not reader.numbering:
            reader.numbering = style
        elif style != reader.numbering and current is not None and current.answer:
            question = None  # "（1）…？" inside the answer to "1. …？" is a sub-point
    answer = _ANSWER.match(line) if form == LABELLED else None
    if question is not None:
        if current is not None:
            _finish(current, n)
        asked, _, answered = _split_inline(question)
        item = _Item(n, [asked] if asked else [], heading=form != LABELLED or _is_heading(raw))
        if answered:
            item.answer = [answered]
        reader.items.append(item)
    elif answer or (form == LABELLED and _BARE_ANSWER.match(line)):
        if current is None:
            raise InvalidInput(f"问答第{n}行：“答”之前没有对应的“问”。请在该行之前补上问题，或删除该行。")
        part = answer.group(1) if answer else ""
        if current.answer is None:
            current.answer = [part]
        else:
            current.answer.append(part)
    elif current is None and form != CN_HEADINGS and _CN_HEADING.match(line) \
            and _question_of(next_line, form) is not None:
        reader.notes.append(f"第{n}行“{line[:20]}”是问题分组标题，未作为问答内容导入。")
    elif current is None:
        if reader.preamble >= _MAX_PREAMBLE:
            raise InvalidInput(f"问答第{n}行无法识别：“{line[:20]}”。第一个问题之前的文字过多；"
                               f"问答应写作{FORMS}。请删除问题之前的导语后再导入。")
        reader.preamble += 1
        if reader.title:  # a dateline, byline or lead-in between the title and the first question
            reader.notes.append(f"第{n}行“{line[:20]}”在第一个问题之前（电头、署名或导语），未作为问答导入。")
        else:
            reader.title = line
    elif current.answer and _is_group_heading(raw, line, next_line, form):
        reader.notes.append(f"第{n}行“{line[:20]}”是问题分组标题，未作为问答内容导入。")
    elif current.answer is None:
        if current.heading or _ends_question(current.question):
            current.answer = [line]  # the answer is the paragraphs below the question
        else:
            current.question.append(line)  # a long question wrapped onto the next line
    else:
        current.answer.append(line)


def _numbering_style(line: str) -> str:
    m = _NUMBERED.match(line)
    if not m:
        return ""
    mark = m.group(1).strip()
    return "bracketed" if mark[0] in "（(" else "ordinal" if mark.startswith("第") else "plain"  # 1. and 1、 alike


def _split_inline(question: str) -> tuple[str, str, str]:
    """"补贴多少？答：500元。" on one line -> question and answer."""
    m = _INLINE_ANSWER.search(question)
    if not m:
        return question.strip(), "", ""
    return question[:m.start()].strip(), "", question[m.end():].strip()


def _is_heading(raw: str) -> bool:
    stripped = raw.strip()
    return bool(_HEADING.match(raw)) or (stripped.startswith("**") and stripped.endswith("**"))


def _ends_question(parts: list[str]) -> bool:
    text = "".join(parts).strip()
    return text.endswith(("？", "?"))


def _join_wrapped(parts: list[str]) -> str:
    """Lines of one question: Chinese text runs on without a space; words in Latin letters keep one."""
    out = ""
    for part in parts:
        if out and out[-1].isascii() and part[:1].isascii():
            out += " "
        out += part
    return out


def _finish(item: _Item, line: int | None = None) -> FaqItem:
    question = _join_wrapped([p for p in item.question if p]).strip()
    answer_lines = item.answer or []
    # Paragraphs stay apart; runs of blank lines shrink to one.
    paragraphs: list[str] = []
    for part in answer_lines:
        if part or (paragraphs and paragraphs[-1]):
            paragraphs.append(part)
    answer = "\n".join(paragraphs).strip()
    if not question:
        raise InvalidInput(f"问答第{item.line}行的“问”后面没有问题内容。")
    if not answer:
        where = f"第{line}行已是下一个问题" if line else "其后没有其他内容"
        raise InvalidInput(f"问答第{item.line}行的问题“{question[:20]}”没有回答（{where}）。"
                           "请在问题下面写上回答（可用“答：”开头），或删除这个问题。")
    return FaqItem(question, answer)
