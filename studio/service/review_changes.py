"""Changes since the last submission and since the last review, piece by piece.

At every submission and review the studio keeps the text of each piece as the reviewer saw it
(studio.store.checkpoints); later the window compares the current text against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studio.domain import workflow_actions as workflow
from studio.domain.package import Package
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
    runs: list[Run]

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
    return Comparison(since, [PieceChange(key, diff_runs(since.texts.get(key, ""), now.get(key, "")))
                              for key in PIECE_KEYS])
