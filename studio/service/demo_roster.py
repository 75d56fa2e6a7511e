"""The demo library's roster: demo members whose keys ship with the studio.

Demo keys are sealed with the passphrase `demo` and kept in assets/demo/keys, so a
newcomer can sign in as each role. They are marked as demo keys in the roster, and a
roster accepts them only when the library itself was founded as a demo library.
"""

from __future__ import annotations

import json
from pathlib import Path

from studio.domain.roles import Role
from studio.domain.signing import KeyPair, new_key_pair
from studio.service import members
from studio.service.actor import Actor
from studio.store import key_store
from studio.store.atomic_file import atomic_write_text
from studio.store.json_format import dumps

DEMO_ADMIN = ("示例管理员", "市政务公开办")
DEMO_PASSPHRASE = "demo"
DEMO_KEY_SPACE = "demo"  # the folder under assets/demo/keys: demo keys belong to no one library


def demo_key(name: str, keys_dir: Path) -> KeyPair:
    """The shipped demo key of `name`, made and written once when missing."""
    sealed = key_store.load_sealed(DEMO_KEY_SPACE, name, keys_dir)
    if sealed is not None:
        return key_store.unseal(sealed, DEMO_PASSPHRASE)
    key = new_key_pair()
    path = key_store.key_file(DEMO_KEY_SPACE, name, keys_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, dumps(key_store.seal(key, name, DEMO_PASSPHRASE, demo=True)))
    return key


def demo_actors(root: Path, people: dict[str, tuple[str, set[Role]]], keys_dir: Path) -> dict[str, Actor]:
    """Found `root` as a demo library and enrol every person with the roles they need."""
    admin_name, admin_office = DEMO_ADMIN
    admin = members.init_library(root, admin_name, admin_office, DEMO_PASSPHRASE, demo=True,
                                 key=demo_key(admin_name, keys_dir))
    actors = {admin_name: admin}
    for name, (office, roles) in sorted(people.items()):
        key = demo_key(name, keys_dir)
        members.add_member(root, admin, name, office, sorted(roles, key=list(Role).index), key.public_hex, demo=True)
        actors[name] = Actor(name, office, key)
    return actors


def demo_key_names(keys_dir: Path) -> list[str]:
    folder = keys_dir / DEMO_KEY_SPACE
    return sorted(json.loads(p.read_text("utf-8")).get("member", "") for p in folder.glob("*.json"))
