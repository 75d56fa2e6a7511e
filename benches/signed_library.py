"""Libraries of many released packages whose audit chains are real: linked, signed, proven.

One package is made and released through the studio's own operations by enrolled members;
each copy gets its own content, and its events are relinked and signed again with the same
members' keys, as those members would have signed them, so export's proof holds for every copy.
"""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from studio.domain.hashing import content_hash
from studio.domain.package import Package
from studio.domain.roles import ALL_ROLES, Role
from studio.domain.signing import new_key_pair, signature_record
from studio.service import clock, members
from studio.service.actor import Actor
from studio.service.session import release_record
from studio.store.audit import GENESIS, event_hash
from studio.store.package_file import FILE_NAME, MEDIA_DIR

PEOPLE = ("起草人", "初审人", "复审人", "审签人", "发布人")
RELEASE_DAY = datetime(2026, 3, 10, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def enrol(root: Path) -> dict[str, Actor]:
    """A roster: an administrator and one member per step, each with a key of their own."""
    root.mkdir(parents=True, exist_ok=True)
    admin = members.init_library(root, "管理员", "", "bench-passphrase", key=new_key_pair())
    actors = {admin.id: admin}
    work_roles = [r for r in ALL_ROLES if r is not Role.ADMIN]
    for name in PEOPLE:
        key = new_key_pair()
        members.add_member(root, admin, name, "", work_roles, key.public_hex)
        actor = Actor(name, "", key)
        actors[actor.id] = actor
    return actors


def released_on_release_day(fn):
    with clock.use(lambda: RELEASE_DAY):
        return fn()


def signed_copy(template: dict[str, Any], package: dict[str, Any], actors: dict[str, Actor]) -> dict[str, Any]:
    """`template`'s file with `package` as its released content, every event relinked and re-signed."""
    data = copy.deepcopy(template)
    package = copy.deepcopy(package)
    if package.get("signoff"):  # the signer approved this copy's own content
        package["signoff"]["hashes"] = Package.from_dict(package).part_hashes()
    pkg = Package.from_dict(package)
    release = release_record(pkg, {}) if data.get("releases") else None
    data["package"] = {"1": package}
    data["releases"] = {"1": release} if release else {}
    prev = GENESIS
    for key in sorted(data["audit"], key=int):
        event = data["audit"][key]
        event.pop("sig", None)
        event.update(prev=prev, package_hash=pkg.package_hash(), parts=pkg.part_hashes(), media={})
        if event.get("action") == "release":
            event["release_hash"] = content_hash(release)
        event["hash"] = event_hash(event)
        actor = actors[event["member"]]
        assert actor.key is not None
        event["sig"] = signature_record(actor.key, actor.id, event["hash"])
        prev = event["hash"]
    return data


def write_package(folder: Path, data: dict[str, Any]) -> None:
    (folder / MEDIA_DIR).mkdir(parents=True, exist_ok=True)
    (folder / FILE_NAME).write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True), "utf-8")
