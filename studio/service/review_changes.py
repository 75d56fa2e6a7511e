"""What changed in each piece since an earlier version a reviewer compares against.

At every submission and review the studio keeps the text of each piece as the reviewer saw it
(studio.store.checkpoints); the bases a reviewer can compare against are read from the record in
studio.service.review_bases. Paragraphs are named as the editor's margin and the findings name
them: the title is 标题, the body's paragraphs are counted from 第1段.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from studio.domain import workflow_actions as workflow
from studio.domain.package import Package
from studio.domain.paragraph_alignment import Row, side_by_side
from studio.domain.piece_texts import piece_lines
from studio.domain.pieces import PIECE_KEYS
from studio.domain.text_diff import Run, changed, diff_runs
from studio.service.session import SideWrite
from studio.store.checkpoints import FILE_NAME as CHECKPOINTS_FILE
from studio.store.checkpoints import Checkpoint, Checkpoints

KEPT_AT = (workflow.SUBMIT, workflow.REVIEW)


@dataclass(frozen=True)
class PieceTexts:
    texts: dict[str, str]  # piece key → its text, one paragraph a line
    places: dict[str, list[str]]  # piece key → where each of those lines stands (标题, 第3段)


def piece_texts_and_places(package: Package) -> PieceTexts:
    lines = {key: piece_lines(package, key) for key in PIECE_KEYS}
    return PieceTexts({key: "\n".join(line for _, line in rows) for key, rows in lines.items()},
                      {key: [place for place, _ in rows] for key, rows in lines.items()})


def piece_texts(package: Package) -> dict[str, str]:
    """Every piece as the words a reader compares, one paragraph a line."""
    return piece_texts_and_places(package).texts


def checkpoint_write(folder: Path, action: str, user: str, at: str, package: Package) -> SideWrite | None:
    """At a submission or review, the texts as the reviewer saw them, kept with the step's own event."""
    if action not in KEPT_AT:
        return None
    now = piece_texts_and_places(package)
    checkpoint = Checkpoint(action, at, user, now.texts, now.places)
    return SideWrite(CHECKPOINTS_FILE, lambda: Checkpoints(folder).add(checkpoint))


@dataclass(frozen=True)
class PieceChange:
    piece: str
    old: str  # the piece then, one paragraph a line
    new: str  # the piece now
    old_places: tuple[str, ...] = ()  # where each paragraph of `old` stands; () when not kept
    new_places: tuple[str, ...] = ()

    @cached_property
    def runs(self) -> list[Run]:
        """The whole piece inline: removed and added words in reading order."""
        return diff_runs(self.old, self.new)

    @cached_property
    def rows(self) -> list[Row]:
        """The piece side by side: old and new paragraphs paired, changed words marked."""
        return side_by_side(self.old, self.new)

    @property
    def changed_chars(self) -> int:
        return changed(self.runs) if self.old != self.new else 0

    def old_place(self, number: int) -> str:
        return _place(self.old_places, number)

    def new_place(self, number: int) -> str:
        return _place(self.new_places, number)


def _place(places: tuple[str, ...], number: int) -> str:
    # Texts kept before places were recorded: the paragraph's position is all there is.
    return places[number - 1] if 0 < number <= len(places) else f"第{number}段"


def piece_changes(then: PieceTexts, package: Package) -> list[PieceChange]:
    """Every piece, changed or not: `then` against the package now."""
    now = piece_texts_and_places(package)
    changes = []
    for key in PIECE_KEYS:
        new_places = _aligned(now, key)
        old_places = _aligned(then, key) or _guessed(then.texts.get(key, ""), new_places)
        changes.append(PieceChange(key, then.texts.get(key, ""), now.texts.get(key, ""), old_places, new_places))
    return changes


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def _aligned(texts: PieceTexts, key: str) -> tuple[str, ...]:
    """The places of a piece's lines, or () if they do not fit its lines (kept by an older version)."""
    places = texts.places.get(key, [])
    return tuple(places) if len(places) == len(_lines(texts.texts.get(key, ""))) else ()


def _guessed(old: str, new_places: tuple[str, ...]) -> tuple[str, ...]:
    """Places for texts kept before places were recorded. They were kept the same way, title first: a
    piece whose title and body lines are all there is now is read as having had its title then too."""
    count = len(_lines(old))
    body = [f"第{n}段" for n in range(1, count + 1)]
    if count and new_places and all(p == "标题" or _BODY.fullmatch(p) for p in new_places) and new_places[0] == "标题":
        return ("标题", *body[:-1])
    return ()


_BODY = re.compile(r"第\d+段")
