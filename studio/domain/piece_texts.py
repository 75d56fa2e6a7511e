"""The words of a package, paragraph by paragraph, each with the place a message names.

Content checks read texts through this module so that every finding can say exactly
where: 政策解读第3段, 问答第2条的回答, 政策图解第1部分“补贴标准”, 元数据·标题.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from studio.domain.metadata import label
from studio.domain.package import Package
from studio.domain.pieces import CONSULTATION, EXPLAINER, FAQ, INTERPRETATION, OTHERS, POLICY, piece_label

TEXT_PIECES = (POLICY, INTERPRETATION, FAQ, CONSULTATION, EXPLAINER, OTHERS)


@dataclass(frozen=True)
class Paragraph:
    piece: str  # piece key, or "metadata"
    field: str  # "body", "title", "items[1].answer", "sections[0]", a metadata key
    place: str  # where, in Chinese
    text: str


def _body(piece: str, field: str, text: str, what: str) -> Iterator[Paragraph]:
    n = 0
    for line in text.splitlines():
        if line.strip():
            n += 1
            yield Paragraph(piece, field, f"{what}第{n}段", line.strip())


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if value.strip():
            yield value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield str(value)
    elif isinstance(value, dict) and "value" in value and "unit" in value:
        # A key figure reads as one phrase: 每人每月租房补贴 500 元/月.
        yield f"{value.get('label', '')}{value.get('value', '')}{value.get('unit', '')}"
        for k, v in value.items():
            if k not in ("type", "label", "value", "unit"):
                yield from _strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            if k != "type":
                yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def piece_paragraphs(package: Package, key: str) -> Iterator[Paragraph]:
    pieces = package.pieces
    name = piece_label(key)
    if key == POLICY:
        yield from _body(POLICY, "body", pieces.policy.body, name)
    elif key in (INTERPRETATION, CONSULTATION):
        piece = pieces.text_piece(key)
        if piece.title.strip():
            yield Paragraph(key, "title", f"{name}标题", piece.title.strip())
        yield from _body(key, "body", piece.body, name)
    elif key == FAQ:
        faq = pieces.faq
        if faq.title.strip():
            yield Paragraph(FAQ, "title", "问答标题", faq.title.strip())
        for i, item in enumerate(faq.items):
            if item.question.strip():
                yield Paragraph(FAQ, f"items[{i}].question", f"问答第{i + 1}条的问题", item.question.strip())
            for n, line in enumerate((t for t in item.answer.splitlines() if t.strip()), 1):
                yield Paragraph(FAQ, f"items[{i}].answer", f"问答第{i + 1}条的回答" + (f"第{n}段" if n > 1 else ""),
                                line.strip())
    elif key == EXPLAINER:
        ex = pieces.explainer
        for field_name, what in (("title", "标题"), ("subtitle", "副标题")):
            value = getattr(ex, field_name).strip()
            if value:
                yield Paragraph(EXPLAINER, field_name, f"政策图解{what}", value)
        for i, section in enumerate(ex.sections):
            heading = str(section.get("heading", "") or "").strip() if isinstance(section, dict) else ""
            where = f"政策图解第{i + 1}部分" + (f"“{heading}”" if heading else "")
            for text in _strings(section):
                yield Paragraph(EXPLAINER, f"sections[{i}]", where, text.strip())
    elif key == OTHERS:
        for i, other in enumerate(pieces.others.items):
            for value in (other.title, other.url, other.file):
                if value.strip():
                    yield Paragraph(OTHERS, f"items[{i}]", f"其他解读形式第{i + 1}项（{other.form}）", value.strip())


def package_paragraphs(package: Package, keys: tuple[str, ...] = TEXT_PIECES) -> Iterator[Paragraph]:
    for key in keys:
        yield from piece_paragraphs(package, key)


def metadata_paragraphs(package: Package, skip: tuple[str, ...] = ()) -> Iterator[Paragraph]:
    for key, value in package.metadata.to_dict().items():
        if key not in skip and value.strip():
            yield Paragraph("metadata", key, f"元数据·{label(key)}", value.strip())


def piece_lines(package: Package, key: str) -> list[tuple[str, str]]:
    """The piece as a reader compares it, one non-empty line a row, each with where it stands in the
    piece as the checks and the editor's margin name it (标题, 第3段, 第2条的回答), without the piece's name."""
    name = piece_label(key)
    return [(p.place.removeprefix(name) or p.place, line)
            for p in piece_paragraphs(package, key) for line in p.text.split("\n") if line.strip()]
