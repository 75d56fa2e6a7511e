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


def add_profile_members(root: Path, admin_name: str, *names: str, roles: tuple[Role, ...] = WORK_ROLES) -> None:
    """Members whose keys live in this machine's profile, as `studio key new` makes them (for the CLI)."""
    admin = members.sign_in(root, admin_name, PASSPHRASE)
    for name in names:
        if members.roster(root).get(name) is not None:
            continue
        public = members.new_key(root, name, PASSPHRASE)
        members.add_member(root, admin, name, "", list(roles), public)


_ACTORS: dict[tuple[str, str], Actor] = {}


def member(root: Path, name: str, office: str = "") -> Actor:
    """`name` signed in to the library at `root`, enrolled on first use (the first one founds it)."""
    from studio.domain.names import normalise_name

    root = Path(root).resolve()
    slot = (str(root), normalise_name(name))
    if slot in _ACTORS and members.has_roster(root):
        return _ACTORS[slot]
    known = members.roster(root).get(name) if members.has_roster(root) else None
    if known is not None:  # a copied library: the same member, signed in with the same key
        for actor in _ACTORS.values():
            if actor.key is not None and actor.key.public_hex == known.public_key:
                _ACTORS[slot] = actor
                return actor
    if not members.has_roster(root):
        for stale in [k for k in _ACTORS if k[0] == str(root)]:
            del _ACTORS[stale]
        root.mkdir(parents=True, exist_ok=True)
        _ACTORS[slot] = members.init_library(root, name, office, PASSPHRASE, key=new_key_pair())
        return _ACTORS[slot]
    roster = members.roster(root)
    admin = next(a for a in _ACTORS.values() if a.key is not None and (m := roster.get(a.name)) is not None
                 and m.public_key == a.key.public_hex and m.has(Role.ADMIN))
    key = new_key_pair()
    members.add_member(root, admin, name, office, list(WORK_ROLES), key.public_hex)
    _ACTORS[slot] = Actor(name, office, key)
    return _ACTORS[slot]


def keys_in_profile(root: Path, *names: str) -> None:
    """Members met through `member` keep their own keys in this machine's profile too, so the
    command line (with STUDIO_PASSPHRASE) signs as them."""
    from studio.store import key_store
    from studio.store.library_chain import read_chain

    library_id = read_chain(Path(root)).library_id
    for name in names:
        actor = member(root, name)
        assert actor.key is not None
        key_store.save_key(library_id, name, actor.key, PASSPHRASE)
