"""Comments anchored to a paragraph: added by a reviewer, shown to the drafter as findings until resolved."""

from __future__ import annotations

from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.domain.findings import Finding, Span, warning
from studio.domain.package import Package
from studio.domain.pieces import piece_label
from studio.service.clock import stamp
from studio.service.session import Actor
from studio.store.comments import Comments, ParagraphComment

CODE = "REVIEW_COMMENT"


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


def add_comment(folder: Path, actor: Actor, piece: str, paragraph: int, text: str) -> ParagraphComment:
    if not text.strip():
        raise InvalidInput("请填写意见内容。")
    if paragraph < 1:
        raise InvalidInput("请把光标放在要提意见的段落中。")
    return Comments(folder).add(piece, paragraph, text.strip(), actor.name, stamp())


def resolve_comment(folder: Path, actor: Actor, comment_id: int) -> None:
    Comments(folder).resolve(comment_id, actor.name, stamp())


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
