"""Changes since the last submission and since the last review, piece by piece.

At every submission and review the studio keeps the text of each piece as the reviewer saw it
(studio.store.checkpoints); later the window compares the current text against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from studio.domain import workflow_actions as workflow
from studio.domain.package import Package
from studio.domain.paragraph_alignment import Row, side_by_side
from studio.domain.piece_texts import piece_paragraphs
from studio.domain.pieces import PIECE_KEYS
from studio.domain.text_diff import Run, changed, diff_runs
from studio.service.session import SideWrite
from studio.store.checkpoints import FILE_NAME as CHECKPOINTS_FILE
from studio.store.checkpoints import Checkpoint, Checkpoints

KEPT_AT = (workflow.SUBMIT, workflow.REVIEW)


def piece_texts(package: Package) -> dict[str, str]:
    """Every piece as the words a reader compares, one paragraph a line."""
    return {key: "\n".join(p.text for p in piece_paragraphs(package, key)) for key in PIECE_KEYS}


def checkpoint_write(folder: Path, action: str, user: str, at: str, package: Package) -> SideWrite | None:
    """At a submission or review, the texts as the reviewer saw them, kept with the step's own event."""
    if action not in KEPT_AT:
        return None
    checkpoint = Checkpoint(action, at, user, piece_texts(package))
    return SideWrite(CHECKPOINTS_FILE, lambda: Checkpoints(folder).add(checkpoint))


@dataclass(frozen=True)
class PieceChange:
    piece: str
    old: str  # the piece at the checkpoint, one paragraph a line
    new: str  # the piece now

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
        return changed(self.runs)


@dataclass(frozen=True)
class Comparison:
    since: Checkpoint
    pieces: list[PieceChange]  # every piece, changed or not


def changes_since(folder: Path, package: Package, action: str) -> Comparison | None:
    """The current package against the last checkpoint of `action`; None if there is none yet."""
    since = Checkpoints(folder).latest(action)
    if since is None:
        return None
    now = piece_texts(package)
    return Comparison(since, [PieceChange(key, since.texts.get(key, ""), now.get(key, "")) for key in PIECE_KEYS])
