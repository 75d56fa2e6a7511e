"""解读机构、解读人、联系方式 of an interpretation.

Who interprets is always named (谁起草、谁解读). Whether the person and a contact must be
published too is the profile's choice: 成都 publishes both with every 规范性文件 (seeds/001);
national interpretations are signed by a role (“有关负责人”) and give no telephone. Without an
interpretation there is nothing to name: INTERPRETATION_MISSING says what is needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from studio.domain.findings import Finding, blocking, info, warning
from studio.domain.metadata import label
from studio.domain.pieces import INTERPRETATION
from studio.domain.rules.context import RuleContext

_CONTACT = re.compile(r"\d{3,}|@")
# A role with no person: 有关负责人, 国家发展改革委有关负责人, 相关负责同志.
_ROLE_ONLY = re.compile(r"(?:有关|相关)(?:负责人|负责同志|同志)$")


def check(ctx: RuleContext) -> Iterator[Finding]:
    if not ctx.pieces.present(INTERPRETATION):
        return
    if not ctx.meta.interpreter_org.strip():
        yield blocking("INTERPRETER_ORG_MISSING", "metadata", "interpreter_org",
                       f"未填写“{label('interpreter_org')}”。按“谁起草、谁解读”，解读材料须注明解读机构，并随文件一并公开。")
    person = ctx.meta.interpreter_person.strip()
    if not person:
        yield blocking("INTERPRETER_PERSON_MISSING", "metadata", "interpreter_person",
                       f"未填写“{label('interpreter_person')}”。请填写解读人姓名，或其职务称谓（如“有关负责人”）。")
    elif _ROLE_ONLY.search(person):
        yield info("INTERPRETER_PERSON_ROLE_ONLY", "metadata", "interpreter_person",
                   f"解读人“{person}”只写了职务称谓，没有具体人员。如须公开具体解读人，请写明姓名和职务，"
                   "如“沈嘉明（就业促进处处长）”。")
    if not ctx.meta.interpreter_contact.strip():
        yield blocking("INTERPRETER_CONTACT_MISSING", "metadata", "interpreter_contact",
                       f"未填写“{label('interpreter_contact')}”。请填写公众咨询解读内容的电话或邮箱。")
    contact = ctx.meta.interpreter_contact.strip()
    if contact and not _CONTACT.search(contact):
        yield warning("INTERPRETER_CONTACT_INVALID", "metadata", "interpreter_contact",
                      f"联系方式“{contact}”中没有电话号码或邮箱，公众无法据此咨询。请填写咨询电话或邮箱。")
