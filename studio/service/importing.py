"""Importing a file into a package, or making a new package from a policy file.

Everything is read and parsed before the package is touched; then one edit is saved
(with the images it refers to). A failed import changes nothing: images written for it
are removed again. Metadata the file states is offered as proposals; it fills a key
only when the user asks for it and the key is still empty.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from studio.domain import edits
from studio.domain.errors import InvalidInput, StudioError, os_error_message
from studio.domain.explainer.model import SECTION_TYPES
from studio.domain.explainer.outline import outline
from studio.domain.package import Package
from studio.domain.pieces import (
    CONSULTATION,
    EXPLAINER,
    FAQ,
    INTERPRETATION,
    POLICY,
    FaqItem,
    piece_label,
)
from studio.ingest.document import ImportedDocument
from studio.ingest.faq_text import parse_faq_text
from studio.ingest.file_name_title import title_from_file_name
from studio.ingest.gongwen_metadata import NO_TITLE_NOTE, ExtractedMetadata, extract_metadata
from studio.ingest.layout_strip import without_layout
from studio.ingest.metadata_proposals import (
    INTERPRETER_KEYS,
    POLICY_KEYS,
    Proposal,
    accepted_values,
    proposals,
)
from studio.ingest.reader import read_document
from studio.service import operations
from studio.service.session import Actor
from studio.store.media_files import add_media, remove_media

IMPORTABLE_PIECES = (POLICY, INTERPRETATION, FAQ, CONSULTATION, EXPLAINER)
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_\[\].)#>+=-])")


@dataclass
class PreparedImport:
    """A file read and parsed for one piece, before any package is touched."""

    piece: str
    source: str
    document: ImportedDocument | None = None
    extracted: ExtractedMetadata | None = None
    faq_title: str = ""
    faq_items: list[FaqItem] = field(default_factory=list)
    explainer: dict | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    outcome: edits.EditOutcome
    prepared: PreparedImport
    proposals: list[Proposal]
    accepted: dict[str, str]
    # Values put in although the reader is not sure of them (a new package needs a title): key -> where from.
    to_check: dict[str, str] = field(default_factory=dict)


def _explainer_content(path: Path) -> dict:
    if path.suffix.lower() != ".json":
        return _explainer_from_document(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"找不到文件“{path}”。") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise InvalidInput(f"图解内容文件“{path.name}”不是有效的 JSON：{e}。") from None
    if not isinstance(data, dict) or not isinstance(data.get("sections", []), list):
        raise InvalidInput("图解内容须是包含 title 和 sections 列表的 JSON 对象。")
    return {k: data[k] for k in ("title", "subtitle", "sections", "theme", "width") if k in data}


def kinds_note(sections: list[dict]) -> str:
    """What the drafted text became, for the drafter to check in the explainer form."""
    counts = Counter(SECTION_TYPES.get(s.get("type", ""), "要点") for s in sections)
    found = "、".join(f"{kind} {n}" for kind, n in counts.items())
    return f"按小标题分出 {len(sections)} 个部分（{found}）。请在图解页逐一核对各部分的类型和内容。"


def _explainer_from_document(path: Path) -> dict:
    """Sections from a drafted text: each heading (一、 or ##) a section, its paragraphs the points."""
    found = outline(read_document(path).markdown)
    if not found.sections:
        raise InvalidInput(f"“{path.name}”里没有找到小标题。请把图解各部分的小标题单独成行，写成“一、出台背景”"
                           "或“## 出台背景”，小标题下的各段即为该部分的要点；也可导入 .json 图解内容文件。")
    return {"title": found.title, "sections": found.sections} if found.title else {"sections": found.sections}


def prepare(path: Path, piece: str) -> PreparedImport:
    """Read and parse `path` for `piece`; raises InvalidInput with what is wrong."""
    path = Path(path)
    try:
        return _prepare(path, piece)
    except RecursionError:
        raise InvalidInput(f"“{path.name}”中的内容嵌套层次过深（可能已损坏或被恶意构造），无法导入。"
                           "请在原程序中打开并另存为新文件后再导入。") from None
    except MemoryError:
        raise InvalidInput(f"“{path.name}”解开后的内容过大，无法导入。请检查文件是否异常。") from None
    except OSError as e:
        raise InvalidInput(f"无法读取要导入的文件：{os_error_message(e, path)}") from None


def _prepare(path: Path, piece: str) -> PreparedImport:
    if piece not in IMPORTABLE_PIECES:
        raise InvalidInput(f"不能导入“{piece}”。可导入：{'、'.join(piece_label(p) for p in IMPORTABLE_PIECES)}。")
    if piece == EXPLAINER:
        content = _explainer_content(path)
        notes = [] if path.suffix.lower() == ".json" else [kinds_note(content["sections"])]
        return PreparedImport(piece, path.name, explainer=content, notes=notes)
    document = read_document(path)
    prepared = PreparedImport(piece, path.name, document, notes=list(document.notes))
    if piece == FAQ:
        parsed = parse_faq_text(_MARKDOWN_ESCAPE.sub(r"\1", document.markdown))
        prepared.faq_title, prepared.faq_items = parsed.title, parsed.items
        prepared.notes.extend(parsed.notes)
    else:
        prepared.extracted = extract_metadata(document.lines, document.page_fields, document.prominent_head)
        if document.recognised:  # read by OCR: every value is a proposal to check
            prepared.extracted = recognised_values(prepared.extracted)
        if piece == POLICY:
            prepared.notes.extend(prepared.extracted.notes)
    return prepared


def policy_text(prepared: PreparedImport) -> str:
    """The imported text without its 版头 and 版记, which are kept as metadata."""
    markdown = prepared.document.markdown if prepared.document else ""
    if not prepared.extracted:
        return markdown
    text, taken = without_layout(markdown, prepared.extracted.head_lines, prepared.extracted.tail_lines)
    if taken:
        note = "版头（发文机关标志、发文字号、标题等）和版记（抄送、印发）已从正文移到元数据，页面上由元数据显示。"
        if note not in prepared.notes:
            prepared.notes.append(note)
    return text


_OCR_YEAR_BRACKETS = re.compile(r"[\[(（【［〔]\s*(\d{4})\s*[\])）】］〕]")


def recognised_values(extracted: ExtractedMetadata) -> ExtractedMetadata:
    """Values read by OCR: all offered for checking; the year brackets of a 文号, which OCR cannot
    tell apart, written as the 〔〕 GB/T 9704 prescribes."""
    values = dict(extracted.values)
    if "doc_number" in values:
        values["doc_number"] = _OCR_YEAR_BRACKETS.sub(r"〔\1〕", values["doc_number"])
    return replace(extracted, values=values, unsure=frozenset(values))


def _proposal_keys(piece: str) -> tuple[str, ...]:
    return POLICY_KEYS if piece == POLICY else INTERPRETER_KEYS if piece == INTERPRETATION else ()


def change(package: Package, prepared: PreparedImport, title: str | None = None,
           accept_metadata: bool = False) -> tuple[edits.EditOutcome, list[Proposal], dict[str, str]]:
    """The edit a prepared import makes to `package`, with the metadata it proposes and what it accepted."""
    piece = prepared.piece
    after = package
    if piece == EXPLAINER:
        after = edits.set_explainer(after, prepared.explainer or {}).package
    elif piece == FAQ:
        if title is None and not package.pieces.faq.title:
            title = prepared.faq_title  # a title the user typed is kept
        after = edits.set_faq(after, prepared.faq_items, title).package
    elif piece == POLICY:
        assert prepared.document is not None  # prepare() reads a document for every piece but the explainer
        after = edits.set_policy_body(after, policy_text(prepared)).package
    else:
        assert prepared.document is not None  # as for the policy
        if title is None and not package.pieces.text_piece(piece).title and prepared.extracted:
            title = prepared.extracted.values.get("title") or None
        after = edits.set_text_piece(after, piece, prepared.document.markdown, title).package
    found = proposals(package.metadata, prepared.extracted, _proposal_keys(piece)) if prepared.extracted else []
    accepted = _valid_values(accepted_values(found), prepared.notes) if accept_metadata else {}
    if accepted:
        after = edits.set_metadata(after, accepted).package
    remaining = [p for p in found if p.key not in accepted]
    return edits.finish_edit(package, after), remaining, accepted


def apply(folder: Path, actor: Actor, prepared: PreparedImport, title: str | None = None,
          accept_metadata: bool = False) -> ImportResult:
    """Save a prepared import into the package in `folder`, with its images, or nothing."""
    media = [(m.name, m.data) for m in prepared.document.media] if prepared.document else []
    with operations.open_for_edit(Path(folder), actor) as session:
        outcome, found, accepted = change(session.package, prepared, title, accept_metadata)
        created = add_media(folder, media) if outcome.changed else []
        try:
            session.apply_edit(outcome, "import", prepared.source)
        except BaseException:
            remove_media(created)
            raise
    return ImportResult(outcome, prepared, found, accepted)


def import_file(folder: Path, actor: Actor, path: Path, piece: str, title: str | None = None,
                accept_metadata: bool = False) -> ImportResult:
    return apply(folder, actor, prepare(Path(path), piece), title, accept_metadata)


def _valid_values(values: dict[str, str], notes: list[str]) -> dict[str, str]:
    """Extracted values a new package can take; any the metadata rules refuse is left out."""
    clean: dict[str, str] = {}
    for key, value in values.items():
        try:
            clean[key] = edits.normalise_value(key, value)
        except StudioError as e:
            notes.append(f"识别到的{key}值“{value}”未采用：{e.message}")
    return clean


def proposed_title(extracted: ExtractedMetadata, source: str) -> tuple[str, str]:
    """(title, where it came from) when the file states no title the reader is sure of."""
    guess = extracted.values.get("title", "").strip()
    if guess:
        return guess, extracted.found_at.get("title", "文件正文")
    return title_from_file_name(source) or source, f"文件名“{source}”"


def create_from_file(library: Path, actor: Actor, path: Path, overrides: dict[str, str],
                     companions: dict[str, Path] | None = None) -> tuple[Path, list[ImportResult]]:
    """A new package whose metadata and policy text come from a policy file.

    Values given on the command line (`overrides`) win over the extracted ones.
    `companions` (piece -> file) are imported into the new package too. Every file is
    read and parsed before the package is made; if anything fails, no package remains.
    """
    prepared = prepare(Path(path), POLICY)
    others = [prepare(Path(p), piece) for piece, p in (companions or {}).items()]
    extracted = prepared.extracted or ExtractedMetadata()
    sure = {k: v for k, v in extracted.values.items() if k in POLICY_KEYS and k not in extracted.unsure}
    values = _valid_values(sure, prepared.notes)
    values.update({k: v for k, v in overrides.items() if v is not None})
    to_check: dict[str, str] = {}
    if not values.get("title", "").strip():
        # Never refused for want of a title: the best guess is put in and marked for checking.
        title, where = proposed_title(extracted, prepared.source)
        values["title"] = title
        to_check["title"] = title
        prepared.notes[:] = [n for n in prepared.notes if n != NO_TITLE_NOTE]  # the note below says it
        prepared.notes.insert(0, f"标题“{title}”取自{where}，请核对。")
    folder = operations.create_package(Path(library), actor, values)
    try:
        results = [apply(folder, actor, prepared)]
        results[0].accepted = values
        results[0].to_check = to_check
        for other in others:
            results.append(apply(folder, actor, other, accept_metadata=True))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # nothing half-made stays behind
        raise
    return folder, results
