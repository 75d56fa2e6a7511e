"""解读机构、解读人、联系方式: published with the interpretation and kept current (seeds/001)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from studio.domain.findings import Finding, blocking, warning
from studio.domain.metadata import label
from studio.domain.pieces import INTERPRETATION
from studio.domain.rules.context import RuleContext

_CONTACT = re.compile(r"\d{3,}|@")


def check(ctx: RuleContext) -> Iterator[Finding]:
    needed = ctx.pieces.present(INTERPRETATION) or not ctx.exempt
    if not needed:
        return
    for key in ("interpreter_org", "interpreter_person", "interpreter_contact"):
        if not getattr(ctx.meta, key).strip():
            yield blocking(f"{key.upper()}_MISSING", "metadata", key,
                           f"未填写“{label(key)}”。解读材料须注明解读机构、解读人和联系方式，并随文件一并公开。")
    contact = ctx.meta.interpreter_contact.strip()
    if contact and not _CONTACT.search(contact):
        yield warning("INTERPRETER_CONTACT_INVALID", "metadata", "interpreter_contact",
                      f"联系方式“{contact}”中没有电话号码或邮箱，公众无法据此咨询。请填写咨询电话或邮箱。")
