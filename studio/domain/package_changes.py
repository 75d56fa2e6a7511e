"""Which parts of a package differ between two of its states, in the words a user knows them by."""

from __future__ import annotations

from dataclasses import replace

from studio.domain.metadata import LABELS, METADATA_KEYS
from studio.domain.package import Package
from studio.domain.pieces import PIECE_KEYS, Piece, PolicyPiece, piece_label


def _written(piece: Piece) -> Piece:
    """What the user wrote: the policy's links to its companions follow them by themselves."""
    return replace(piece, related=()) if isinstance(piece, PolicyPiece) else piece


def changed_parts(before: Package, after: Package) -> list[str]:
    """E.g. ["政策解读", "元数据（征求意见期限缩短的理由）"]; [] when the contents are the same."""
    parts = [piece_label(key) for key in PIECE_KEYS
             if _written(before.pieces.get(key)) != _written(after.pieces.get(key))]
    fields = [LABELS[key] for key in METADATA_KEYS if getattr(before.metadata, key) != getattr(after.metadata, key)]
    if fields:
        parts.append(f"元数据（{'、'.join(fields)}）")
    return parts
