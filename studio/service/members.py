"""The roster of a library: setting it up, signing in as a member, and administrators' changes.

The member who sets up a library is its first administrator. Every later change to the
roster is an administrator's signed event in the library chain. A private key never
leaves its member's profile; only public keys enter the roster.
"""

from __future__ import annotations

import getpass
import uuid
from pathlib import Path

from studio.domain.errors import ActionRefused, InvalidInput
from studio.domain.hashing import content_hash
from studio.domain.names import checked_name, normalise_name
from studio.domain.roles import ALL_ROLES, Role, roles_text
from studio.domain.roster import ADD, INIT, KEY, REMOVE, UPDATE, Member, Roster
from studio.domain.signing import KeyPair, key_id, new_key_pair, signature_record, valid_public_key
from studio.paths import assets_dir
from studio.service.actor import Actor
from studio.service.clock import stamp
from studio.service.library_chain_events import ChangeOptions, append_signed, require_chain
from studio.service.roster_presence import has_roster as has_roster  # re-exported for the roster's callers
from studio.store import key_store, os_keyring
from studio.store.audit import make_event
from studio.store.library import Library
from studio.store.library_chain import append_event, read_chain

DEMO_KEYS = "demo/keys"


def demo_keys_dir() -> Path:
    return assets_dir() / DEMO_KEYS


def roster(root: Path) -> Roster:
    chain = read_chain(root)
    return chain.roster() or Roster()


def init_library(root: Path, name: str, office: str, passphrase: str, *, demo: bool = False,
                 key: KeyPair | None = None) -> Actor:
    """Start the roster of a library; the founder becomes its first administrator with every role."""
    root = Path(root)
    if read_chain(root).exists:
        raise ActionRefused(f"文件库“{root.name}”已有成员名单。请由管理员添加成员。")
    name = checked_name(name)
    key = key or new_key_pair()
    library_id = str(uuid.uuid4())
    founder = Member(name, office.strip(), ALL_ROLES, key.public_hex, demo)
    config = Library(root).config().to_dict()  # the settings found in force, as a settings change records them
    event = make_event(None, at=stamp(), user=name, member=founder.id, action=INIT, library_id=library_id,
                       demo=demo, record=founder.to_dict(), settings=config, settings_hash=content_hash(config))
    event["sig"] = signature_record(key, founder.id, event["hash"])
    if not demo:
        _keep_key(library_id, name, key, passphrase)
    append_event(root, event, "")
    return Actor(name, founder.office, key)


def discard_new_roster(root: Path) -> None:
    """Undo `init_library` when the command that founded the roster failed (nothing else recorded yet)."""
    from studio.store.library_chain import chain_path

    chain = read_chain(root)
    if len(chain.events) == 1:
        chain_path(root).unlink(missing_ok=True)
        try:
            Path(root).rmdir()  # only when the command made the folder and left it empty
        except OSError:
            pass


def new_key(root: Path, name: str, passphrase: str) -> str:
    """Make a member's key pair in their own profile; returns the public key for an administrator."""
    chain = require_chain(root)
    key = new_key_pair()
    _keep_key(chain.library_id, checked_name(name), key, passphrase)
    return key.public_hex


def _keep_key(library_id: str, name: str, key: KeyPair, passphrase: str) -> None:
    """In the OS keyring where one is usable (guarded by the user's login), else a file sealed with the passphrase."""
    if not os_keyring.store_key(library_id, name, key):
        key_store.save_key(library_id, name, key, passphrase)


def os_login() -> str:
    """The operating-system account this studio runs under ('' when it cannot be told)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def member_of_os_login(root: Path) -> str:
    """The name of the member an administrator mapped to this OS login ('' when none)."""
    found = roster(root).for_os_account(os_login())
    return found.name if found else ""


def keys_in_os_keyring() -> bool:
    """New keys go to the OS keyring on this machine (none usable: to a file sealed with a passphrase)."""
    return os_keyring.usable()


def key_kept_by_os(root: Path, name: str) -> bool:
    """The member's key is in this machine's OS keyring: signing in asks no passphrase."""
    chain = read_chain(root)
    member = (chain.roster() or Roster()).get(name)
    key = os_keyring.load_key(chain.library_id, member.name) if member else None
    return key is not None and member is not None and key.public_hex == member.public_key


def lost_key_message(name: str, root: Path) -> str:
    return (f"在本机找不到成员“{name}”的签名密钥（可能换了电脑或密钥文件丢失）。没有密钥不能签名。"
            f"请运行 studio key new {root} --user {name} 生成新密钥，"
            f"再请管理员用 studio member key {root} {name} 新公钥 登记；登记前你签过的记录仍然有效。")


def sign_in(root: Path, name: str, passphrase: str) -> Actor:
    """The member, with their private key opened; refused with the reason in Chinese."""
    chain = require_chain(root)
    current = chain.roster() or Roster()
    member = current.get(name)
    if member is None:
        names = "、".join(m.name for m in current.members.values())
        raise ActionRefused(f"“{name}”不是文件库“{Path(root).name}”的成员（成员：{names}）。请联系管理员添加。")
    kept = os_keyring.load_key(chain.library_id, member.name)
    if kept is not None and kept.public_hex == member.public_key:
        return Actor(member.name, member.office, kept)  # the OS login guards the keyring: no passphrase
    sealed = key_store.load_sealed(chain.library_id, member.name)
    if sealed is None and chain.demo and member.demo:
        sealed = key_store.load_sealed("demo", member.name, demo_keys_dir())
    if sealed is None:
        raise ActionRefused(lost_key_message(member.name, Path(root)))
    key = key_store.unseal(sealed, passphrase)
    if key.public_hex != member.public_key:
        raise ActionRefused(
            f"本机保存的“{member.name}”的密钥与成员名单登记的公钥不一致（名单中的公钥 {key_id(member.public_key)}，"
            f"本机 {key_id(key.public_hex)}）。如已重新生成密钥，请管理员登记新公钥。")
    return Actor(member.name, member.office, key)


def _roles(roles: list[Role] | tuple[Role, ...]) -> list[str]:
    if not roles:
        raise InvalidInput(f"请至少指定一个角色：{roles_text(ALL_ROLES)}。")
    return [r.value for r in ALL_ROLES if r in roles]


def _checked_key(public_key: str, demo: bool, chain_demo: bool) -> str:
    public_key = public_key.strip().lower()
    if not valid_public_key(public_key):
        raise InvalidInput("公钥格式不对：应为 studio key new 输出的130位十六进制 SM2 公钥。")
    if demo and not chain_demo:
        raise ActionRefused("示例密钥只能用于示例文件库，不能登记到正式文件库。")
    return public_key


def add_member(root: Path, admin: Actor, name: str, office: str, roles: list[Role], public_key: str,
               demo: bool = False, options: ChangeOptions | None = None) -> Member:
    chain = require_chain(root)
    name = checked_name(name)
    current = chain.roster() or Roster()
    clash = current.members.get(normalise_name(name))
    if clash is not None:
        raise ActionRefused(f"“{name}”与已有成员“{clash.name}”视为同一姓名（忽略大小写、全角半角、空格和不可见字符）。"
                            "请用能区分两人的姓名，例如加上处室。")
    member = Member(name, office.strip(), tuple(Role(r) for r in _roles(roles)),
                    _checked_key(public_key, demo, chain.demo), demo)
    append_signed(root, admin, ADD, options, record=member.to_dict())
    return member


def _existing(root: Path, name: str) -> Member:
    member = roster(root).get(name)
    if member is None:
        raise InvalidInput(f"“{name}”不是本文件库的成员。")
    return member


def update_member(root: Path, admin: Actor, name: str, office: str | None = None,
                  roles: list[Role] | None = None, os_account: str | None = None,
                  options: ChangeOptions | None = None) -> Member:
    """Change a member's office, roles or OS login (an empty login removes the mapping)."""
    member = _existing(root, name)
    payload: dict = {"name": member.name}
    if office is not None:
        payload["office"] = office.strip()
    if os_account is not None:
        payload["os_account"] = os_account.strip()
        holder = roster(root).for_os_account(payload["os_account"])
        if holder is not None and holder.id != member.id:
            raise ActionRefused(f"系统账户“{payload['os_account']}”已对应成员“{holder.name}”。"
                                "一个系统账户只能对应一位成员；请先取消原来的对应。")
    if roles is not None:
        payload["roles"] = _roles(roles)
        if Role.ADMIN.value not in payload["roles"] and member.has(Role.ADMIN) and len(roster(root).admins()) == 1:
            raise ActionRefused("这是本文件库唯一的管理员，不能取消其管理角色。请先让另一位成员担任管理员。")
    chain = append_signed(root, admin, UPDATE, options, **payload)
    return (chain.roster() or Roster()).members[member.id]


def register_key(root: Path, admin: Actor, name: str, public_key: str,
                 options: ChangeOptions | None = None) -> Member:
    """A new public key for a member (lost or replaced key); their old records keep verifying."""
    member = _existing(root, name)
    chain = require_chain(root)
    append_signed(root, admin, KEY, options, name=member.name,
                  public_key=_checked_key(public_key, False, chain.demo))
    return roster(root).members[member.id]


def remove_member(root: Path, admin: Actor, name: str, options: ChangeOptions | None = None) -> None:
    member = _existing(root, name)
    if member.has(Role.ADMIN) and len(roster(root).admins()) == 1:
        raise ActionRefused("这是本文件库唯一的管理员，不能移除。请先让另一位成员担任管理员。")
    append_signed(root, admin, REMOVE, options, name=member.name)
