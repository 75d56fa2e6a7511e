"""Members' roles and which role each recorded action needs."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    DRAFT = "起草"
    REVIEW1 = "初审"
    REVIEW2 = "复审"
    SIGN = "审签"
    RELEASE = "发布"
    ADMIN = "管理"

    @classmethod
    def parse(cls, text: str) -> Role:
        for role in cls:
            if text.strip() in (role.value, role.name.lower()):
                return role
        names = "、".join(r.value for r in cls)
        from studio.domain.errors import InvalidInput

        raise InvalidInput(f"没有名为“{text}”的角色。可用的角色：{names}。")


ALL_ROLES = tuple(Role)

# Reviewing roles: any of them may return a package they are reviewing.
REVIEWING = (Role.REVIEW1, Role.REVIEW2, Role.SIGN, Role.RELEASE)

# Roles that may record each kind of package event ('review' is decided by its level).
ACTION_ROLES: dict[str, tuple[Role, ...]] = {
    "create": (Role.DRAFT,),
    "edit": (Role.DRAFT,),
    "import": (Role.DRAFT,),
    "link": (Role.DRAFT,),
    "unlink": (Role.DRAFT,),
    "void": (Role.DRAFT,),
    "adopt": (Role.DRAFT,),
    "submit": (Role.DRAFT,),
    "amend": (Role.DRAFT,),
    "review1": (Role.REVIEW1,),
    "review2": (Role.REVIEW2,),
    "sign": (Role.SIGN,),
    "release": (Role.RELEASE,),
    "return": REVIEWING,
    "migrate": ALL_ROLES,
}


def roles_text(roles: tuple[Role, ...] | list[Role]) -> str:
    return "、".join(r.value for r in roles) or "无"
