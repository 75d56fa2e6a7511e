"""The roster of a library: who may do what, with which public key.

The roster is never stored as a table to be edited: it is what the library's signed
chain of roster events adds up to, so it can be rebuilt as it stood at any event.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from studio.domain.names import normalise_name
from studio.domain.roles import ACTION_ROLES, Role, roles_text

INIT, ADD, UPDATE, KEY, REMOVE, SETTINGS = (
    "init", "member_add", "member_update", "member_key", "member_remove", "settings")
ROSTER_ACTIONS = (INIT, ADD, UPDATE, KEY, REMOVE)

ACTION_LABELS = {
    INIT: "建立文件库成员名单",
    ADD: "添加成员",
    UPDATE: "修改成员处室、角色或系统账户",
    KEY: "登记成员新公钥",
    REMOVE: "移除成员",
    SETTINGS: "修改规则设置",
}


@dataclass(frozen=True)
class Member:
    name: str
    office: str
    roles: tuple[Role, ...]
    public_key: str
    demo: bool = False
    # The operating-system login this member works under: the window's sign-in proposes them there.
    os_account: str = ""

    @property
    def id(self) -> str:
        return normalise_name(self.name)

    def has(self, role: Role) -> bool:
        return role in self.roles

    def lacks(self, action: str) -> tuple[Role, ...]:
        """The roles `action` needs (as roles name it: review1, review2, sign…) when this member holds none
        of them; () when the member may take it."""
        needed = ACTION_ROLES.get(action, ())
        return needed if needed and not any(self.has(r) for r in needed) else ()

    def describe(self) -> str:
        office = f"（{self.office}）" if self.office else ""
        return f"{self.name}{office}：{roles_text(self.roles)}"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "office": self.office, "roles": [r.value for r in self.roles],
                             "public_key": self.public_key, "demo": self.demo}
        if self.os_account:
            d["os_account"] = self.os_account
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Member:
        return cls(name=str(d.get("name", "")), office=str(d.get("office", "")),
                   roles=tuple(Role(r) for r in d.get("roles", ())),
                   public_key=str(d.get("public_key", "")), demo=bool(d.get("demo", False)),
                   os_account=str(d.get("os_account", "")))


@dataclass(frozen=True)
class Roster:
    library_id: str = ""
    demo: bool = False
    members: dict[str, Member] = field(default_factory=dict)

    def get(self, name: str) -> Member | None:
        return self.members.get(normalise_name(name))

    def for_os_account(self, login: str) -> Member | None:
        """The member mapped to this operating-system login (compared as names are)."""
        wanted = normalise_name(login)
        return next((m for m in self.members.values() if wanted and normalise_name(m.os_account) == wanted), None)

    def admins(self) -> list[Member]:
        return [m for m in self.members.values() if m.has(Role.ADMIN)]

    def apply(self, event: dict[str, Any]) -> Roster:
        """The roster after one event (events other than roster changes leave it as it is)."""
        action = event.get("action")
        members = dict(self.members)
        if action == INIT:
            first = Member.from_dict(event["record"])
            return Roster(str(event.get("library_id", "")), bool(event.get("demo", False)), {first.id: first})
        if action == ADD:
            m = Member.from_dict(event["record"])
            members[m.id] = m
        elif action in (UPDATE, KEY):
            old = members.get(normalise_name(event.get("name", "")))
            if old is None:
                return self
            changes: dict[str, Any] = {}
            if "office" in event:
                changes["office"] = str(event["office"])
            if "roles" in event:
                changes["roles"] = tuple(Role(r) for r in event["roles"])
            if "os_account" in event:
                changes["os_account"] = str(event["os_account"])
            if "public_key" in event:
                changes["public_key"] = str(event["public_key"])
                changes["demo"] = bool(event.get("demo", False))
            members[old.id] = replace(old, **changes)
        elif action == REMOVE:
            members.pop(normalise_name(event.get("name", "")), None)
        else:
            return self
        return replace(self, members=members)
