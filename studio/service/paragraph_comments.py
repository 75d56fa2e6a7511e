"""Comments anchored to a paragraph: added by a reviewer, shown to the drafter as findings until resolved."""

from __future__ import annotations

from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.domain.findings import Finding, Span, warning
from studio.domain.package import Package
from studio.domain.pieces import piece_label
from studio.service.clock import stamp
from studio.service.session import EventSpec, PackageSession, SideWrite
from studio.store.comments import FILE_NAME as COMMENTS_FILE
from studio.store.comments import Comments, ParagraphComment

CODE = "REVIEW_COMMENT"
COMMENT, RESOLVE = "comment", "resolve_comment"  # their events in the package's chain


def paragraph_span(text: str, paragraph: int) -> Span | None:
    """The span of the n-th non-empty line (numbered as the checks number paragraphs)."""
    n, offset = 0, 0
    for line in text.split("\n"):
        if line.strip():
            n += 1
            if n == paragraph:
                return Span(offset, offset + len(line))
        offset += len(line) + 1
    return None


def add_comment(session: PackageSession, piece: str, paragraph: int, text: str) -> ParagraphComment:
    """Written with a signed event recording the comments' hash, so a hand edit fails verify."""
    if not text.strip():
        raise InvalidInput("请填写意见内容。")
    if paragraph < 1:
        raise InvalidInput("请把光标放在要提意见的段落中。")
    comments = Comments(session.folder)
    added: list[ParagraphComment] = []
    spec = EventSpec(COMMENT, piece=piece, comment=f"{piece_label(piece)}第{paragraph}段：{text.strip()}")
    session.record_side_change(spec, SideWrite(COMMENTS_FILE, lambda: added.append(
        comments.add(piece, paragraph, text.strip(), session.actor.name, stamp()))))
    return added[0]


def resolve_comment(session: PackageSession, comment_id: int) -> None:
    found = next((c for c in Comments(session.folder).all() if c.id == comment_id and c.open), None)
    if found is None:
        raise InvalidInput("这条意见已处理或不存在。")
    spec = EventSpec(RESOLVE, piece=found.piece,
                     comment=f"{piece_label(found.piece)}第{found.paragraph}段（{found.user}）：{found.text}")
    session.record_side_change(spec, SideWrite(COMMENTS_FILE, lambda: Comments(session.folder).resolve(
        comment_id, session.actor.name, stamp())))


def comment_findings(folder: Path, package: Package) -> list[Finding]:
    """Every open comment as a finding on its paragraph (double-click leads to the words)."""
    out = []
    for c in Comments(folder).all():
        if not c.open:
            continue
        body = getattr(package.pieces.get(c.piece), "body", "")
        span = paragraph_span(body, c.paragraph) if isinstance(body, str) else None
        out.append(warning(CODE, c.piece, f"comment[{c.id}]",
                           f"审核意见（{c.user}，{piece_label(c.piece)}第{c.paragraph}段）：{c.text}", span))
    return out
