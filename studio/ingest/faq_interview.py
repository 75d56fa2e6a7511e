"""答记者问 as ministries publish it: each turn starts with the speaker's name,
"澎湃新闻：…？" for a reporter's question, "邱启文：…" for the official's answer.

The askers are the speakers whose turns are questions; every other named speaker
answers. Lines without a name continue the turn above them. The speakers' names are
left out of the questions and answers and listed in a note.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from studio.domain.pieces import FaqItem

_TURN = re.compile(r"^([\u4e00-\u9fffA-Za-z·]{2,12})\s*[：:]\s*(\S.*)$")
# Labels that are not speakers: the dateline, byline and other fields of a press page.
_NOT_SPEAKERS = frozenset({"时间", "地点", "来源", "发布时间", "发布日期", "日期", "作者", "编辑", "责任编辑", "附件",
                           "主持人", "主题", "标题", "文章来源", "信息来源", "浏览次数", "字号"})
_QUESTION_END = ("？", "?")


@dataclass(frozen=True)
class Interview:
    title: str
    items: list[FaqItem]
    notes: tuple[str, ...]


def _turns(lines: list[str]) -> list[tuple[int, str, str]]:
    out = []
    for n, line in enumerate(lines):
        m = _TURN.match(line)
        if m and m.group(1) not in _NOT_SPEAKERS:
            out.append((n, m.group(1), m.group(2).strip()))
    return out


def read_interview(lines: list[str]) -> Interview | None:
    """The questions and answers of a press interview, or None when `lines` are not one."""
    turns = _turns(lines)
    asking = Counter(s for _, s, text in turns if text.endswith(_QUESTION_END))
    speakers = Counter(s for _, s, _ in turns)
    askers = {s for s, n in asking.items() if n * 2 >= speakers[s]}
    answerers = set(speakers) - askers
    if not askers or not answerers or sum(asking[s] for s in askers) < 2:
        return None
    starts = {n: (s, text) for n, s, text in turns if s in askers or s in answerers}
    first = min(n for n, (s, _) in starts.items() if s in askers)
    title = lines[0] if first > 0 else ""
    notes = [f"第{n + 1}行“{lines[n][:20]}”在第一个问题之前（电头、署名或导语），未作为问答导入。"
             for n in range(1 if title else 0, first) if lines[n].strip()]
    items: list[FaqItem] = []
    question: list[str] = []
    answer: list[str] = []
    for n in range(first, len(lines)):
        line = lines[n].strip()
        if not line:
            continue
        speaker, text = starts.get(n, ("", line))
        if speaker in askers:
            if question and answer:
                items.append(FaqItem("".join(question), "\n".join(answer)))
                question, answer = [], []
            if answer == [] and question and not question[-1].endswith(_QUESTION_END):
                question.append(text)
            else:
                question = question + [text] if question and not answer else [text]
        elif speaker in answerers or answer:
            answer.append(text)
        else:
            question.append(text)  # a long question running on
    if question and answer:
        items.append(FaqItem("".join(question), "\n".join(answer)))
    if len(items) < 2:
        return None
    notes.append(f"按“答记者问”读取：提问方（{'、'.join(sorted(askers))}）和答问人"
                 f"（{'、'.join(sorted(answerers))}）的名字未写入问答。")
    return Interview(title, items, tuple(notes))
