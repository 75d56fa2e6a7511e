"""Edits to a package's content. Every edit is a function returning a new package.

An edit made while the package is in review voids the reviews and the sign-off and
returns the package to draft (同步审签); a released package is never edited in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studio.domain.dates import gbt_date, parse_date, split_date
from studio.domain.errors import ActionRefused, InvalidInput
from studio.domain.metadata import (
    CHOICES,
    ISO_DATE_KEYS,
    METADATA_KEYS,
    RELEASE_MANAGED_KEYS,
    label,
)
from studio.domain.package import METADATA_PART, Package
from studio.domain.pieces import (
    COMPANION_KEYS,
    CONSULTATION,
    OTHER_FORMS,
    OTHERS,
    POLICY,
    ExplainerPiece,
    FaqItem,
    FaqPiece,
    OtherForm,
    OthersPiece,
    TextPiece,
    piece_label,
)
from studio.domain.plain_text import without_bidi_controls
from studio.domain.references import citations, cites_draft, default_ref, match
from studio.domain.script import simplified
from studio.domain.states import State

# Kept as typed even when malformed, so the format rule can show the user the exact fix.
_LOOKS_LIKE_DATE = re.compile(r"\d{4}\s*年.*月.*日")
_CLOCK_TIME = re.compile(r"\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*$")


@dataclass
class EditOutcome:
    package: Package
    # part changed ("metadata" or a piece key) -> the fields of it that changed
    parts: dict[str, list[str]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.parts)


def _part_dict(package: Package, part: str) -> dict:
    return package.metadata.to_dict() if part == METADATA_PART else package.pieces.get(part).to_dict()


def finish_edit(before: Package, after: Package) -> EditOutcome:
    """Compare, and void reviews and sign-off when content changed during review."""
    if before.state is State.RELEASED:
        raise ActionRefused("已发布的文件包不能直接修改。如需修改，请先建立新版本（修订），已发布的版本会被保留。")
    old, new = before.part_hashes(), after.part_hashes()
    parts: dict[str, list[str]] = {}
    for part in new:
        if old.get(part) != new[part]:
            a, b = _part_dict(before, part), _part_dict(after, part)
            parts[part] = sorted(k for k in b if a.get(k) != b[k])
    if not parts:
        return EditOutcome(before)
    notices: list[str] = []
    if before.state.in_review and parts:
        what = "审签" if before.signoff else "审核"
        notices.append(f"文件包在“{before.state.label}”状态下被修改，原{what}已作废，文件包已退回草稿，需重新提交审核。")
        after = after.evolve(state=State.DRAFT, reviews=(), signoff=None)
    return EditOutcome(after, parts, notices)


def normalise_value(key: str, value: str) -> str:
    """Check one metadata value as typed; dates used in computations are stored as ISO."""
    if key not in METADATA_KEYS:
        raise InvalidInput(f"没有名为“{key}”的元数据项。可用的项：{', '.join(METADATA_KEYS)}。")
    if key in RELEASE_MANAGED_KEYS:
        raise InvalidInput(f"“{label(key)}”由发布操作自动记录，不能手工设置。")
    value = without_bidi_controls(value).strip()
    if not value:
        return ""
    if key in CHOICES and value not in CHOICES[key]:
        raise InvalidInput(f"“{label(key)}”只能是：{'、'.join(CHOICES[key])}（收到“{value}”）。")
    if key in ISO_DATE_KEYS:
        d = parse_date(value)
        if d is None:
            raise InvalidInput(f"“{label(key)}”的值“{value}”不是有效日期，请写作“2024-03-04”或“2024年3月4日”。")
        return d.isoformat()
    if key == "date_written":
        # The forms sites and offices show (2018年12月04日, 2024-03-04, a clock time after
        # the date, 二〇二四年三月四日) are stored in GB/T 9704 form: the date itself is not in doubt.
        day = parse_date(_CLOCK_TIME.sub("", value))
        if day is not None:
            return gbt_date(day)
        if split_date(value) is None and not _LOOKS_LIKE_DATE.search(value):
            raise InvalidInput(f"成文日期“{value}”不是有效日期，请写作“2024年3月4日”。")
    return value


def set_metadata(package: Package, values: dict[str, str]) -> EditOutcome:
    clean = {k: normalise_value(k, v) for k, v in values.items()}
    after = package.evolve(metadata=package.metadata.with_values(**clean))
    return finish_edit(package, after)


def _link_policy(package: Package, key: str) -> Package:
    related = package.pieces.policy.related
    if key in related:
        return package
    policy = package.pieces.policy
    ordered = tuple(k for k in COMPANION_KEYS if k in related or k == key)
    return package.evolve(pieces=package.pieces.with_piece(POLICY, type(policy)(policy.body, ordered)))


def reference_from_text(package: Package, text: str, key: str = "") -> str:
    """How a companion's own text names the policy, falling back to the package's policy.

    An interpretation that still cites the consultation draft keeps that citation, so the
    gap shows; a consultation notice cites the draft by nature and links to the final text.
    """
    cited = [f"《{t}》" for t in citations(simplified(text))]
    meta = package.metadata
    exact = [c for c in cited if match(c, meta) == "exact"]
    drafts = [c for c in cited if cites_draft(c)] if key != CONSULTATION else []
    abbreviations = [c for c in cited if match(c, meta) == "abbreviation"]
    for found in (exact, drafts, abbreviations):
        if found:
            return found[0]
    return default_ref(meta)


def set_policy_body(package: Package, body: str) -> EditOutcome:
    policy = package.pieces.policy
    after = package.evolve(pieces=package.pieces.with_piece(POLICY, type(policy)(body, policy.related)))
    return finish_edit(package, after)


def set_text_piece(package: Package, key: str, body: str, title: str | None = None) -> EditOutcome:
    """Interpretation or consultation notice text; a new companion is linked both ways."""
    old = package.pieces.text_piece(key)
    ref = old.policy_ref or reference_from_text(package, body, key)
    piece = TextPiece(title=old.title if title is None else without_bidi_controls(title), body=body, policy_ref=ref)
    after = package.evolve(pieces=package.pieces.with_piece(key, piece))
    if not piece.is_empty():
        after = _link_policy(after, key)
    return finish_edit(package, after)


def set_faq(package: Package, items: list[FaqItem], title: str | None = None) -> EditOutcome:
    old = package.pieces.faq
    text = "\n".join(i.question + i.answer for i in items)
    piece = FaqPiece(
        title=old.title if title is None else without_bidi_controls(title),
        items=tuple(items),
        policy_ref=old.policy_ref or reference_from_text(package, text),
    )
    after = package.evolve(pieces=package.pieces.with_piece("faq", piece))
    if not piece.is_empty():
        after = _link_policy(after, "faq")
    return finish_edit(package, after)


def set_explainer(package: Package, data: dict) -> EditOutcome:
    old = package.pieces.explainer
    try:
        piece = ExplainerPiece.from_dict({**old.to_dict(), **data})
    except (TypeError, ValueError, AttributeError):
        raise InvalidInput("图解内容格式不对：sections 须是由各部分（每部分一个对象，含 type 和 heading）组成的列表，"
                           "width 须是 1080 或 750。") from None
    if not piece.policy_ref:
        piece = ExplainerPiece.from_dict({**piece.to_dict(), "policy_ref": default_ref(package.metadata)})
    after = package.evolve(pieces=package.pieces.with_piece("explainer", piece))
    if not piece.is_empty():
        after = _link_policy(after, "explainer")
    return finish_edit(package, after)


def add_other_form(package: Package, form: str, title: str, url: str = "", file: str = "",
                   date: str = "", policy_ref: str = "") -> EditOutcome:
    if form not in OTHER_FORMS:
        raise InvalidInput(f"解读形式只能是：{'、'.join(OTHER_FORMS)}（收到“{form}”）。")
    item = OtherForm(form, without_bidi_controls(title), url, without_bidi_controls(file), date, policy_ref)
    after = package.evolve(pieces=package.pieces.with_piece(
        OTHERS, OthersPiece(package.pieces.others.items + (item,))))
    after = _link_policy(after, OTHERS)
    return finish_edit(package, after)


def link(package: Package, key: str, ref: str | None = None) -> EditOutcome:
    """Link a companion both ways; without `ref` it names the policy as the package knows it."""
    if key not in COMPANION_KEYS or key == OTHERS:
        raise InvalidInput(f"只能关联政策解读、政策图解、问答或征求意见公告，不能关联“{key}”。")
    piece = package.pieces.get(key)
    if piece.is_empty():
        raise ActionRefused(f"{piece_label(key)}还没有内容，无法关联。请先导入或编写{piece_label(key)}。")
    new_ref = (ref or default_ref(package.metadata)).strip()
    if not new_ref:
        raise ActionRefused("政策文件还没有标题或发文字号，无法关联。请先填写元数据。")
    data = {**piece.to_dict(), "policy_ref": new_ref}
    after = package.evolve(pieces=package.pieces.with_piece(key, type(piece).from_dict(data)))
    return finish_edit(package, _link_policy(after, key))


def unlink(package: Package, key: str) -> EditOutcome:
    policy = package.pieces.policy
    related = tuple(k for k in policy.related if k != key)
    after = package.evolve(pieces=package.pieces.with_piece(POLICY, type(policy)(policy.body, related)))
    return finish_edit(package, after)
