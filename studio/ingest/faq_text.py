"""FAQ text as offices write it: 问：…答：… or Q:/A: pairs."""

from __future__ import annotations

import re

from studio.domain.errors import InvalidInput
from studio.domain.pieces import FaqItem

_DECOR = re.compile(r"^\s*(?:#{1,6}\s*|\*\*|>\s*)*")
_QUESTION = re.compile(r"^(?:问|Q|q)\s*\d*\s*[：:．.、]\s*(.*)$")
_ANSWER = re.compile(r"^(?:答|A|a)\s*[：:．.、]\s*(.*)$")


def _clean(line: str) -> str:
    return _DECOR.sub("", line).rstrip("*").strip()


def parse_faq(text: str) -> tuple[str, list[FaqItem]]:
    """(title, items); a clear error names the line where parsing stopped."""
    title = ""
    items: list[FaqItem] = []
    question: list[str] | None = None
    answer: list[str] | None = None
    q_line = 0

    def close(line_no: int) -> None:
        if question is None:
            return
        if answer is None or not "\n".join(answer).strip():
            raise InvalidInput(f"问答第{line_no}行之前的问题（第{q_line}行）没有回答。每个“问：”之后须有“答：”。")
        items.append(FaqItem(" ".join(question).strip(), "\n".join(answer).strip()))

    for n, raw in enumerate(text.splitlines(), 1):
        line = _clean(raw)
        q, a = _QUESTION.match(line), _ANSWER.match(line)
        if q:
            close(n)
            question, answer, q_line = [q.group(1)], None, n
        elif a:
            if question is None:
                raise InvalidInput(f"问答第{n}行：“答：”之前没有对应的“问：”。")
            if answer is not None:
                answer.append(a.group(1))
            else:
                answer = [a.group(1)]
        elif question is None:
            if line and not title and not items:
                title = line
            elif line:
                raise InvalidInput(f"问答第{n}行无法识别：“{line[:20]}”。每条问答应以“问：”开头，回答以“答：”开头。")
        elif answer is None:
            if line:
                question.append(line)
        else:
            answer.append(line)
    close(len(text.splitlines()) + 1)
    if not items:
        raise InvalidInput("没有找到任何问答。每条问答应以“问：”开头，回答以“答：”开头。")
    return title, items
