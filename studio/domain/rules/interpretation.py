"""What an interpretation must explain (国办发〔2016〕80号): a warning names what is missing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from studio.domain.findings import Finding, warning
from studio.domain.pieces import INTERPRETATION
from studio.domain.rules.context import RuleContext

# Words that show an element is treated, looked for in headings and paragraph leads.
ELEMENT_MARKERS: dict[str, tuple[str, ...]] = {
    # Interpretations written as questions (答记者问) ask: 有什么重要意义？为什么要制定？
    "背景依据": ("背景", "依据", "缘由", "必要性", "起草过程", "为什么出台", "意义", "为什么要", "为何",
             "出台的考虑", "制定的考虑"),
    "目标任务": ("目标", "任务"),
    "主要内容": ("主要内容", "主要措施", "重点内容", "核心内容", "主要举措", "政策措施", "主要条款", "具体措施",
             "哪些内容", "哪些措施", "哪些举措", "哪些政策", "主要有哪些", "主要包括"),
    "涉及范围": ("范围", "适用对象", "适用于", "涉及对象", "支持对象", "实施对象", "哪些人", "哪些企业",
             "哪些单位", "哪些地区", "谁可以"),
    "执行标准": ("标准", "执行口径", "认定条件"),
    "注意事项": ("注意", "需要说明", "提醒", "特别说明", "申办须知"),
    "关键词诠释": ("关键词", "名词解释", "术语", "释义", "名词"),
    "惠民利民举措": ("惠民", "利民", "惠企", "便民", "受益", "红利", "获得感"),
    "新旧政策差异": ("新旧", "变化", "差异", "区别", "对比", "修订", "调整了"),
}

_HEADING = re.compile(
    r"^(#{1,6}\s|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．]|第[一二三四五六七八九十]+[部分条章]|\*\*)"
)
_LEAD_END = re.compile(r"[。：:；;！？]")
# A question is a heading in an interpretation written as questions and answers.
_QUESTION = re.compile(r"^(?:问[：:]|记者[：:])|[？?]\s*$")
_REPEALS = re.compile(r"同时废止|予以废止|修订|原《")


def _structural_text(body: str) -> str:
    """Headings and the lead of every paragraph: where offices name what a part explains."""
    parts: list[str] = []
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _QUESTION.search(line) or _HEADING.match(line) or (len(line) <= 30 and not line.endswith(("。", "；"))):
            parts.append(line)
        else:
            parts.append(_LEAD_END.split(line, maxsplit=1)[0][:24])
    return "\n".join(parts)


def missing_elements(body: str, required: tuple[str, ...]) -> list[str]:
    text = _structural_text(body)
    return [e for e in required if not any(m in text for m in ELEMENT_MARKERS.get(e, (e,)))]


def check(ctx: RuleContext) -> Iterator[Finding]:
    piece = ctx.pieces.interpretation
    if piece.is_empty():
        return
    required = tuple(ctx.settings.interpretation_required_elements)
    if "新旧政策差异" not in required and _REPEALS.search(ctx.pieces.policy.body):
        required += ("新旧政策差异",)
    missing = missing_elements(piece.body, required)
    if missing:
        yield warning("INTERPRETATION_ELEMENTS_MISSING", INTERPRETATION, "body",
                      f"政策解读缺少以下要素：{'、'.join(missing)}。请补充相应段落（可用小标题标明），"
                      "讲清政策“为什么出台、有什么内容、对谁有影响、怎么执行”，避免只摘抄文件要点。")
