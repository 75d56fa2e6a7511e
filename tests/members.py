"""Libraries with a roster for tests: every member signed in with a key of their own."""

from __future__ import annotations

from pathlib import Path

from studio.domain.roles import ALL_ROLES, Role
from studio.domain.signing import new_key_pair
from studio.service import members
from studio.service.actor import Actor

PASSPHRASE = "测试口令-1234"
WORK_ROLES = tuple(r for r in ALL_ROLES if r is not Role.ADMIN)


def enrol(root: Path, *names: str, office: str = "", roles: tuple[Role, ...] = WORK_ROLES) -> dict[str, Actor]:
    """A library whose first name is its administrator (every role) and the others members."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    actors: dict[str, Actor] = {}
    if not members.has_roster(root):
        actors[names[0]] = members.init_library(root, names[0], office, PASSPHRASE, key=new_key_pair())
        rest = names[1:]
    else:
        rest = names
    admin = actors.get(names[0]) or next(iter(actors.values()), None)
    for name in rest:
        key = new_key_pair()
        assert admin is not None
        members.add_member(root, admin, name, office, list(roles), key.public_hex)
        actors[name] = Actor(name, office, key)
    return actors
