"""Punctuation a reviewer marks up: unpaired 《》“”（）, half-width marks inside Chinese
sentences, 《》 nested in 《》 that should be 〈〉. One warning per piece, naming places."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import groupby

from studio.domain.findings import Finding, warning
from studio.domain.piece_texts import Paragraph, metadata_paragraphs, package_paragraphs
from studio.domain.pieces import piece_label
from studio.domain.punctuation import (
    continues_quote,
    excerpt,
    full_width_of,
    half_width_marks,
    nested_fix,
    pair_problems,
)
from studio.domain.rules.context import RuleContext

SHOWN = 3


def _where(piece: str) -> str:
    return "元数据" if piece == "metadata" else piece_label(piece)


def _listing(items: list[str]) -> str:
    more = f"（共{len(items)}段）" if len(items) > SHOWN else ""
    return "；".join(items[:SHOWN]) + more


def _paragraphs(ctx: RuleContext) -> list[Paragraph]:
    title = [p for p in metadata_paragraphs(ctx.package) if p.field == "title"]
    return title + list(package_paragraphs(ctx.package))


def _joined_over_lines(group: list[Paragraph]) -> list[Paragraph]:
    """A title or bracket broken over two lines (《…集约化 / 试点工作方案》) read as one line:
    two lines are joined when the first leaves a mark open that the second closes."""
    out: list[Paragraph] = []
    i = 0
    while i < len(group):
        para = group[i]
        if i + 1 < len(group) and _open_at_end(para.text):
            joined = replace(para, text=para.text + group[i + 1].text)
            if not pair_problems(joined.text)[0]:
                out.append(joined)
                i += 2
                continue
        out.append(para)
        i += 1
    return out


def _open_at_end(text: str) -> bool:
    problems = pair_problems(text)[0]
    return bool(problems) and all(p.kind == "unclosed" and p.mark in "《（〔【" for p in problems)


def check(ctx: RuleContext) -> Iterator[Finding]:
    paragraphs = _paragraphs(ctx)
    for piece, run in groupby(paragraphs, key=lambda p: p.piece):
        group = _joined_over_lines(list(run))
        unpaired: list[str] = []
        nested: list[str] = []
        half: list[str] = []
        half_count = 0
        for i, para in enumerate(group):
            problems, nests = pair_problems(para.text)
            following = group[i + 1].text if i + 1 < len(group) else ""
            if problems and not (continues_quote(para.text, problems) and following.lstrip().startswith("“")):
                unpaired.append(f"{para.place}{problems[0].describe()}")
            for at in nests[:1]:
                written, fixed = nested_fix(para.text, at)
                nested.append(f"{para.place}“{written}”应写作“{fixed}”")
            marks = half_width_marks(para.text)
            if marks:
                half_count += len(marks)
                at, mark = marks[0]
                half.append(f"{para.place}“{excerpt(para.text, at, 6)}”中的“{mark}”应为“{full_width_of(mark)}”")
        field = group[0].field if piece == "metadata" else "body"
        name = _where(piece)
        if unpaired:
            yield warning("PUNCTUATION_UNPAIRED", piece, field,
                          f"{name}中有成对标点缺了一半或不配对：{_listing(unpaired)}。请补全或改正。")
        if nested:
            yield warning("NESTED_TITLE_MARKS", piece, field,
                          f"{name}中书名号内又用了书名号，内层应改用单书名号〈〉：{_listing(nested)}。")
        if half:
            yield warning("HALF_WIDTH_PUNCTUATION", piece, field,
                          f"{name}的中文句子中有{half_count}处半角（英文）标点，如{_listing(half)}。"
                          "中文句子应使用全角标点（，；：？！（））。")
