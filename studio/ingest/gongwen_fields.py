"""Labelled fields: "label：value" lines of web pages, forms and law-database exports, a form's
label cell with its value in the next cell, and whether a value is what its label promises."""

from __future__ import annotations

import re
from collections.abc import Sequence

from studio.ingest.gongwen_layout import (
    compact,
    date_in,
    doc_number_of,
    ends_like_title,
    gbt_form,
    is_doc_number,
    is_organ,
)

# Labels web pages and forms use, and the metadata key each fills.
FIELD_KEYS: dict[str, str] = {
    "标题": "title", "页面标题": "title", "文件标题": "title",
    "发文字号": "doc_number", "文号": "doc_number",
    "发文机关": "organ", "发文机构": "organ", "发布机构": "organ", "发文单位": "organ",
    "成文日期": "date_written", "发文日期": "date_written", "印发日期": "date_written",
    "发布部门": "organ", "颁布部门": "organ", "制定机关": "organ", "来文单位": "organ",
    "来文文号": "doc_number", "编号": "doc_number", "公文标题": "title", "来文标题": "title",
    "发布日期": "date_written", "颁布日期": "date_written", "来文日期": "date_written",
    "索引号": "index_number", "主题分类": "topic", "主题词": "subject_words",
    "解读机构": "interpreter_org", "解读单位": "interpreter_org", "解读人": "interpreter_person",
    "解读联系方式": "interpreter_contact", "咨询电话": "interpreter_contact",
}
FIELD = re.compile(r"^(" + "|".join(sorted(FIELD_KEYS, key=len, reverse=True)) + r")\s*[：:]\s*(.*)$")
# Labels whose value is not the 公文's own field as such: offered for checking, never filled in.
_UNSURE_LABELS = frozenset({"编号", "发布日期", "颁布日期", "发布部门", "颁布部门"})


def labelled_fields(lines: Sequence[str], where: str) -> list[tuple[str, str, str]]:
    """(key, value, where) from "label：value" lines, or a label line followed by its value."""
    out: list[tuple[str, str, str]] = []
    for n, line in enumerate(lines):
        m = FIELD.match(compact(line)) if len(line) <= 200 else None
        if not m and compact(line) in FIELD_KEYS:  # a form's label cell, its value in the next cell
            m = FIELD.match(compact(line) + "：")
        if not m:
            continue
        label, value = m.group(1), m.group(2).strip()
        following = lines[n + 1].strip() if n + 1 < len(lines) else ""
        if not value and following and not FIELD.match(compact(following)) and not following.endswith(("：", ":")):
            value = following
        if value:
            out.append((FIELD_KEYS[label], value, where.format(n=n + 1) + ("?" if label in _UNSURE_LABELS else "")))
    return out


def valid_field(key: str, value: str) -> str:
    """The value cleaned, or "" when it is not what the label promises."""
    v = value.strip()
    if key == "doc_number":
        if is_doc_number(v):
            return doc_number_of(v)
        c = compact(v)
        return c if re.search(r"\d", c) and c.endswith(("号", "號")) and len(c) <= 40 else ""
    if key == "organ":
        return compact(v) if is_organ(v) else ""  # rejects "县政府网站" and the like
    if key == "date_written":
        d = date_in(v)
        return gbt_form(d) if d else ""
    if key == "index_number":
        return compact(v) if re.search(r"\d", v) and len(v) <= 60 else ""
    if key == "title":
        return compact(v) if ends_like_title(v) else ""
    return v if len(v) <= 200 else ""
