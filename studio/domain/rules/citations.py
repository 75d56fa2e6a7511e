"""How the texts cite documents: 发文字号 in the wrong bracket form, and a 《title》 that
looks like the policy's but is not it (an abbreviation such as 《若干措施》, or one the
text declares with 以下简称, is a correct citation)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from studio.domain.doc_number import lint_doc_number
from studio.domain.findings import Finding, warning
from studio.domain.piece_texts import package_paragraphs, piece_paragraphs
from studio.domain.pieces import CONSULTATION, EXPLAINER, FAQ, INTERPRETATION, POLICY, piece_label
from studio.domain.references import citations, cites_draft, issued_titles, match, normalise
from studio.domain.rules.context import RuleContext

# 发文字号 cited with a bracketed year, well formed or not: 国发[2019]4号, 鄂政办发(2019)25号.
_CITED_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}([〔\[【(（［„{｛]\s*[0-9０-９]{0,4}\s*[〕\]】)）］‟}｝]?"
                           r"\s*第?\s*[0-9０-９]+\s*[号號])")
_DECLARED = re.compile(r"以下简称\s*《([^《》]{1,40})》")
_LEADING_WORDS = re.compile(r"^(?:根据|按照|依据|依照|参照|见|和|及|与|或|即|以及)+")
SIMILAR = 0.8
SHOWN = 3


def _cited_numbers(ctx: RuleContext) -> Iterator[Finding]:
    for key in (POLICY, INTERPRETATION, FAQ, CONSULTATION, EXPLAINER):
        found: list[str] = []
        for para in piece_paragraphs(ctx.package, key):
            for m in _CITED_NUMBER.finditer(para.text):
                tail = m.group(1)
                if not re.search(r"\d{2}", tail):
                    continue
                problem = lint_doc_number("文" + re.sub(r"\s+", "", tail), max_year=ctx.today.year + 1)
                if problem:
                    fix = problem.suggestion[1:] if problem.suggestion else ""
                    hint = f"，应写作“{fix}”" if fix else ""
                    cited = _LEADING_WORDS.sub("", m.group(0))
                    found.append(f"{para.place}“{cited}”（{problem.problems[0]}{hint}）")
        if found:
            more = f"（共{len(found)}处）" if len(found) > SHOWN else ""
            yield warning("DOC_NUMBER_CITED_FORMAT", key, "body",
                          f"{piece_label(key)}引用的发文字号不规范：{'；'.join(found[:SHOWN])}{more}。"
                          "发文字号的年份应使用六角括号〔〕，如“国办发〔2017〕47号”。")


def _similar(cited: str, titles: list[str]) -> str:
    target = normalise(cited)
    for title in titles:
        if len(title) >= 8 and SequenceMatcher(None, target, title).ratio() >= SIMILAR:
            return title
    return ""


def _miscited_titles(ctx: RuleContext) -> Iterator[Finding]:
    meta = ctx.meta
    titles = [t for t in issued_titles(meta.title) if t]
    if not titles:
        return
    declared = {normalise(d) for p in package_paragraphs(ctx.package, (INTERPRETATION, FAQ, EXPLAINER))
                for d in _DECLARED.findall(p.text)}
    for key in (INTERPRETATION, FAQ, EXPLAINER):
        found: list[str] = []
        for para in piece_paragraphs(ctx.package, key):
            for cited in citations(para.text):
                ref = f"《{cited}》"
                if match(ref, meta) or cites_draft(ref) or normalise(cited) in declared:
                    continue
                near = _similar(cited, titles)
                if near:
                    found.append(f"{para.place}写作《{cited}》")
        if found:
            issued = citations(meta.title)
            original = f"《{issued[0]}》" if issued else f"《{meta.title.strip()}》"
            yield warning("POLICY_TITLE_MISCITED", key, "body",
                          f"{piece_label(key)}引用的文件名称与政策文件的名称{original}不一致：{'；'.join(found[:SHOWN])}。"
                          "请按政策文件的准确名称改正（使用简称的，请在第一次出现时注明“以下简称《…》”）。")


def check(ctx: RuleContext) -> Iterator[Finding]:
    yield from _cited_numbers(ctx)
    yield from _miscited_titles(ctx)
