"""Reviewers' comments on a paragraph, kept beside package.json (`comments.json`) until resolved.

Written atomically by the studio; never exported (bundles hold only the released version).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from studio.store.atomic_file import atomic_write_text
from studio.store.json_format import dumps

FILE_NAME = "comments.json"


@dataclass(frozen=True)
class ParagraphComment:
    id: int
    piece: str
    paragraph: int  # as the checks number paragraphs: the n-th non-empty line
    text: str
    user: str
    at: str
    resolved_by: str = ""
    resolved_at: str = ""

    @property
    def open(self) -> bool:
        return not self.resolved_at


class Comments:
    def __init__(self, folder: Path):
        self.path = Path(folder) / FILE_NAME

    def all(self) -> list[ParagraphComment]:
        try:
            rows = json.loads(self.path.read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            return []
        fields = set(ParagraphComment.__dataclass_fields__)
        return [ParagraphComment(**{k: v for k, v in r.items() if k in fields}) for r in rows
                if isinstance(r, dict) and {"id", "piece", "paragraph", "text", "user", "at"} <= r.keys()]

    def _write(self, comments: list[ParagraphComment]) -> None:
        atomic_write_text(self.path, dumps([asdict(c) for c in comments]))

    def add(self, piece: str, paragraph: int, text: str, user: str, at: str) -> ParagraphComment:
        comments = self.all()
        comment = ParagraphComment(max((c.id for c in comments), default=0) + 1, piece, paragraph, text, user, at)
        self._write(comments + [comment])
        return comment

    def resolve(self, comment_id: int, user: str, at: str) -> None:
        self._write([replace(c, resolved_by=user, resolved_at=at) if c.id == comment_id else c
                     for c in self.all()])
