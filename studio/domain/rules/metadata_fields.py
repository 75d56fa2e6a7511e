"""Required metadata of the 政策文件库 entry."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.findings import Finding, blocking, warning
from studio.domain.metadata import CHOICES, label
from studio.domain.rules.context import RuleContext

_REQUIRED = ("title", "organ", "kind", "date_written")
_RECOMMENDED = ("doc_number", "index_number", "topic")
_HINTS = {
    "doc_number": "如该文件确无发文字号，可忽略此提示",
    "index_number": "索引号通常由政务公开办分配，发布前请补齐",
    "topic": "请按政府信息公开目录选择主题分类",
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    meta = ctx.meta.to_dict()
    for key in _REQUIRED:
        if not meta[key].strip():
            yield blocking(f"{key.upper()}_MISSING", "metadata", key,
                           f"未填写“{label(key)}”。请在元数据中填写后再提交发布。")
    for key in _RECOMMENDED:
        if not meta[key].strip():
            yield warning(f"{key.upper()}_MISSING", "metadata", key,
                          f"未填写“{label(key)}”。{_HINTS[key]}。")
    for key, allowed in CHOICES.items():
        value = meta[key].strip()
        if value and value not in allowed:
            yield blocking(f"{key.upper()}_INVALID", "metadata", key,
                           f"“{label(key)}”的值“{value}”无效，应为：{'、'.join(allowed)}。")
