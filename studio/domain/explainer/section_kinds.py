"""What kind of explainer section a drafted heading and its paragraphs are.

A drafted 图解 text is headings with paragraphs under them. Most sections are 要点, but a
drafter also writes the steps of applying, dated milestones, key numbers, who is covered and
where to ask, and the explainer draws each of those as its own kind of box. A section is given
such a kind only when its heading says so and every paragraph fits that kind's shape (or, for
dates and numbers, when every paragraph plainly is one); anything less certain stays 要点, which
draws every text, so a guess can never lose words. The drafter can change a kind in the form.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from studio.domain.explainer.model import AUDIENCE, CONTACT, FIGURES, POINTS, STEPS, TIMELINE

_STEPS_HEADING = re.compile(r"流程|步骤|程序|办理方式|申请方式|申领方式|怎么办|如何(?:申请|办理|申领)")
_STEP_MARK = re.compile(r"^第[一二三四五六七八九十\d]{1,3}步\s*[：:，,、.．]?\s*")
_TIMELINE_HEADING = re.compile(r"时间|节点|安排|进度")
# A date a milestone starts with: at least a month, or a year; with 起/前/底… as drafters write them.
_DATE = re.compile(
    r"^\s*(?P<date>(?:\d{4}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?|\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?"
    r"|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?)"
    r"(?:\s*(?:起|前|底|末|初|上旬|中旬|下旬|以前|之前|以后|之后|开始|截止|至今))?)"
    r"\s*[：:，,、—\-－\s]\s*(?P<text>\S.*)$")
_FIGURES_HEADING = re.compile(r"数字|数据|指标")
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_UNIT = r"(?:万亿|亿|万|千)?[^\s\d，。；,;、：:]{0,4}?"
# “租房补贴：500元” and “500元 每人每月租房补贴” (the value first, as figure cards read).
_LABEL_FIRST = re.compile(rf"^(?P<label>[^：:\d]{{2,26}})[：:]\s*(?P<value>{_NUMBER})\s*(?P<unit>{_UNIT})[。；;]?$")
_VALUE_FIRST = re.compile(rf"^(?P<value>{_NUMBER})\s*(?P<unit>{_UNIT})\s*[：:，,\s]\s*(?P<label>[^\d\s].{{1,25}})$")
_AUDIENCE_HEADING = re.compile(r"(?:适用|支持|补贴|申请|扶持|享受|服务|保障)对象|谁可以|哪些人")
_AUDIENCE_ITEM = re.compile(r"^(?P<who>[^：:]{2,12})[：:]\s*(?P<conditions>\S.*)$")
_CONTACT_HEADING = re.compile(r"咨询|联系")
_PHONE = re.compile(r"(?:\d{3,4}\s*[-－—]\s*)?\d{7,8}(?:\s*(?:[-－]|转)\s*\d{1,6})?|1[3-9]\d{9}|123\d{2}")
_PHONE_WORDS = re.compile(r"(?:咨询|联系|服务|热线)?电话|热线|[：:（）()，,、\s]")

Items = list[str]


def _steps(heading: str, items: Items) -> dict | None:
    if not _STEPS_HEADING.search(heading) or len(items) < 2:
        return None
    return {"type": STEPS, "heading": heading, "items": [_STEP_MARK.sub("", i) for i in items]}


def _timeline(heading: str, items: Items) -> dict | None:
    dated = [m for i in items if (m := _DATE.match(i))]
    if len(dated) != len(items) or not (len(items) >= 2 or _TIMELINE_HEADING.search(heading)):
        return None
    return {"type": TIMELINE, "heading": heading,
            "items": [{"date": re.sub(r"\s+", "", m["date"]), "text": m["text"].strip()} for m in dated]}


def _figure(item: str) -> dict | None:
    m = _LABEL_FIRST.match(item) or _VALUE_FIRST.match(item)
    if m is None or re.match(r"\s*年", item[m.end("value"):]):  # “2026年” is a date, not a figure
        return None
    return {"value": m["value"], "unit": m["unit"].strip(), "label": m["label"].strip().rstrip("。；;")}


def _figures(heading: str, items: Items) -> dict | None:
    figures = [f for i in items if (f := _figure(i))]
    if not items or len(figures) != len(items):
        return None
    if not _FIGURES_HEADING.search(heading) and not (len(items) >= 2 and all(_VALUE_FIRST.match(i) for i in items)):
        return None
    return {"type": FIGURES, "heading": heading, "items": figures}


def _audience(heading: str, items: Items) -> dict | None:
    matched = [m for i in items if (m := _AUDIENCE_ITEM.match(i))]
    if not _AUDIENCE_HEADING.search(heading) or not items or len(matched) != len(items):
        return None
    return {"type": AUDIENCE, "heading": heading,
            "items": [{"who": m["who"].strip(), "conditions": m["conditions"].strip()} for m in matched]}


def _contact(heading: str, items: Items) -> dict | None:
    if not _CONTACT_HEADING.search(heading) or not 1 <= len(items) <= 2:
        return None
    phones = [(n, m) for n, i in enumerate(items) for m in _PHONE.finditer(i)]
    if len(phones) != 1:
        return None  # several numbers: a list of offices reads better as points
    at, phone = phones[0]
    item, others = items[at], items[:at] + items[at + 1:]
    org = _PHONE_WORDS.sub("", item[:phone.start()] + item[phone.end():]) or "".join(others).strip("：: 。")
    return {"type": CONTACT, "heading": heading, "org": org, "phone": phone.group(0)}


_KINDS: tuple[Callable[[str, Items], dict | None], ...] = (_contact, _audience, _steps, _timeline, _figures)


def typed_section(heading: str, items: Items) -> dict:
    """The section as stored, of the first kind whose shape it has, else 要点."""
    for kind in _KINDS:
        if (section := kind(heading, items)) is not None:
            return section
    return {"type": POINTS, "heading": heading, "items": items}
