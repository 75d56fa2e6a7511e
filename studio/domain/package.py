"""The package (解读包): one policy document and everything released with it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from studio.domain.hashing import content_hash
from studio.domain.metadata import LAYOUT_KEYS, RELEASE_MANAGED_KEYS, Metadata
from studio.domain.pieces import PIECE_KEYS, Pieces
from studio.domain.states import State

METADATA_PART = "metadata"


@dataclass(frozen=True)
class Review:
    level: int
    user: str
    at: str

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "user": self.user, "at": self.at}


@dataclass(frozen=True)
class SignOff:
    """The signer's approval of exact versions: content hash of every part (同步审签)."""

    user: str
    at: str
    hashes: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {"user": self.user, "at": self.at, "hashes": dict(self.hashes)}


@dataclass(frozen=True)
class Package:
    id: str
    created_by: str
    created_at: str
    metadata: Metadata = field(default_factory=Metadata)
    pieces: Pieces = field(default_factory=Pieces)
    state: State = State.DRAFT
    version: int = 1
    submitted_by: str = ""
    reviews: tuple[Review, ...] = ()
    signoff: SignOff | None = None
    released_at: str = ""
    return_comment: str = ""

    # -- content hashes -------------------------------------------------
    def part_hashes(self) -> dict[str, str]:
        """Hash of the metadata and of every piece: what a sign-off covers (computed once per package)."""
        cached = self.__dict__.get("_part_hashes")
        if cached is None:
            cached = self._compute_part_hashes()
            object.__setattr__(self, "_part_hashes", cached)  # a frozen value may remember its own hashes
        return dict(cached)

    def _compute_part_hashes(self) -> dict[str, str]:
        meta = {k: v for k, v in self.metadata.to_dict().items()
                if k not in RELEASE_MANAGED_KEYS and not (k in LAYOUT_KEYS and not v)}
        hashes = {METADATA_PART: content_hash(meta)}
        for key in PIECE_KEYS:
            hashes[key] = content_hash(self.pieces.get(key).to_dict())
        return hashes

    def stale_parts(self) -> list[str]:
        """Parts changed since sign-off ([] when signed and untouched, all parts when unsigned)."""
        current = self.part_hashes()
        if self.signoff is None:
            return list(current)
        return [k for k, h in current.items() if self.signoff.hashes.get(k) != h]

    def drafters(self) -> set[str]:
        return {u for u in (self.created_by, self.submitted_by) if u}

    def evolve(self, **changes: Any) -> Package:
        return replace(self, **changes)

    # -- serialisation --------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_by": self.created_by,
            "created_at": self.created_at,
            "metadata": self.metadata.to_dict(),
            "pieces": self.pieces.to_dict(),
            "state": self.state.value,
            "version": self.version,
            "submitted_by": self.submitted_by,
            "reviews": [r.to_dict() for r in self.reviews],
            "signoff": self.signoff.to_dict() if self.signoff else None,
            "released_at": self.released_at,
            "return_comment": self.return_comment,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Package:
        signoff = d.get("signoff")
        return cls(
            id=d["id"],
            created_by=d.get("created_by", ""),
            created_at=d.get("created_at", ""),
            metadata=Metadata.from_dict(d.get("metadata", {})),
            pieces=Pieces.from_dict(d.get("pieces", {})),
            state=State(d.get("state", State.DRAFT.value)),
            version=int(d.get("version", 1)),
            submitted_by=d.get("submitted_by", ""),
            reviews=tuple(Review(**r) for r in d.get("reviews", ())),
            signoff=SignOff(**signoff) if signoff else None,
            released_at=d.get("released_at", ""),
            return_comment=d.get("return_comment", ""),
        )

    def package_hash(self) -> str:
        return content_hash(self.to_dict())
