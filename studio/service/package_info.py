"""What `studio show` reports about a package: metadata, state, and every piece's status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.domain.package import Package
from studio.domain.pieces import PIECE_KEYS
from studio.service.recorded_state import differences
from studio.store.lock import PackageLock
from studio.store.media_files import media_hashes
from studio.store.package_file import MEDIA_DIR, PackageFile, StoredPackage
from studio.store.side_files import side_hashes

__all__ = ["MEDIA_DIR", "StoredPackage", "package_info", "read_package"]


def read_package(folder: Path) -> StoredPackage:
    """The package file as stored: package, audit events and released snapshots."""
    return PackageFile(folder).load()


def package_info(folder: Path) -> dict[str, Any]:
    stored = PackageFile(folder).load()
    package = Package.from_dict(stored.data)
    hashes = package.part_hashes()
    signed = package.signoff.hashes if package.signoff else None
    holder = PackageLock(folder).holder()
    media = media_hashes(folder)
    pieces = {}
    for key in PIECE_KEYS:
        piece = package.pieces.get(key)
        pieces[key] = {
            "present": not piece.is_empty(),
            "length": len(piece.plain_text()),
            "content_hash": hashes[key],
            "signed_off_current": None if signed is None else signed.get(key) == hashes[key],
        }
    return {
        "package": str(folder),
        "id": package.id,
        "state": package.state.value,
        "state_label": package.state.label,
        "version": package.version,
        "created_by": package.created_by,
        "created_at": package.created_at,
        "released_at": package.released_at,
        "metadata": package.metadata.to_dict(),
        "metadata_hash": hashes["metadata"],
        "metadata_signed_off_current": None if signed is None else signed.get("metadata") == hashes["metadata"],
        "pieces": pieces,
        "linked_from_policy": list(package.pieces.policy.related),
        "signoff": package.signoff.to_dict() if package.signoff else None,
        "reviews": [r.to_dict() for r in package.reviews],
        "return_comment": package.return_comment,
        "released_versions": [r.get("version") for r in stored.releases],
        "locked_by": holder.describe() if holder else "",
        "media": media,
        # Differences from the last audit event: changes made outside the studio ([] when none).
        "outside_changes": differences(stored.events[-1] if stored.events else None, package, media,
                                       side_hashes(folder)),
    }


def describe_event(event: dict[str, Any]) -> str:
    from studio.store.audit import describe

    return describe(event)


def event_action_label(event: dict[str, Any]) -> str:
    """What the event did, as people name it (初审通过 and 复审通过 apart)."""
    from studio.store.audit import ACTION_LABELS, action_key

    key = action_key(event)
    return ACTION_LABELS.get(key, str(event.get("action", "")))
