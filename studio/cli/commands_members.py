"""library init, member, key: the roster of a library and members' signing keys."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.common import actor, add_skip_unreadable, member_name, new_key_passphrase
from studio.cli.output import notice
from studio.domain.errors import InvalidInput
from studio.domain.roles import ALL_ROLES, Role, roles_text
from studio.domain.signing import key_id
from studio.service import members, package_anchor, roster_anchor
from studio.service.library_chain_events import ChangeOptions


def _roles(text: str | None) -> list[Role] | None:
    if text is None:
        return None
    return [Role.parse(x) for x in text.replace("，", ",").replace("、", ",").split(",") if x.strip()]


def _root(args: argparse.Namespace) -> Path:
    root = Path(args.library)
    if not root.is_dir() and args.func is not cmd_init:
        raise InvalidInput(f"文件库“{args.library}”不存在。")
    return root


def cmd_init(args: argparse.Namespace) -> int:
    root = _root(args)
    name, office = member_name(args)
    founder = members.init_library(root, name, office, new_key_passphrase(name))
    notice(f"已建立成员名单：{founder.name}为第一位管理员（拥有全部角色），公钥 {key_id(founder.key.public_hex)}。"
           if founder.key else "已建立成员名单。")
    return 0


def cmd_accept_roster(args: argparse.Namespace) -> int:
    count = roster_anchor.accept_roster(_root(args))
    notice(f"本机已接受文件库现在的成员名单（{count}条记录）；此后只接受在此基础上追加的名单。")
    return 0


def cmd_accept_history(args: argparse.Namespace) -> int:
    accepted, refused = package_anchor.accept_history(_root(args))
    notice(f"本机已接受{accepted}个文件包现在的审计记录；此后只接受在此基础上追加的记录。")
    for line in refused:
        notice(f"未接受（记录本身未通过校验）：{line}")
    return 1 if refused else 0


def cmd_list(args: argparse.Namespace) -> int:
    roster = members.roster(_root(args))
    for m in roster.members.values():
        demo = "（示例密钥）" if m.demo else ""
        print(f"{m.describe()}  公钥 {key_id(m.public_key)}{demo}")
    return 0


def _options(args: argparse.Namespace) -> ChangeOptions:
    return ChangeOptions(skip_unreadable=args.skip_unreadable)


def _told(options: ChangeOptions) -> None:
    for note in options.notes:
        notice(note)


def cmd_add(args: argparse.Namespace) -> int:
    root = _root(args)
    roles = _roles(args.roles) or []
    options = _options(args)
    member = members.add_member(root, actor(args, root), args.name, args.member_office or "", roles, args.key,
                                options=options)
    notice(f"已添加成员：{member.describe()}。")
    _told(options)
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    root = _root(args)
    if args.roles is None and args.member_office is None and args.os_account is None:
        raise InvalidInput("请用 --roles、--member-office 或 --os-account 指定要修改的内容。")
    options = _options(args)
    member = members.update_member(root, actor(args, root), args.name, args.member_office, _roles(args.roles),
                                   args.os_account, options)
    account = f"，系统账户 {member.os_account}" if member.os_account else ""
    notice(f"已修改：{member.describe()}{account}。")
    _told(options)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    root = _root(args)
    options = _options(args)
    members.remove_member(root, actor(args, root), args.name, options)
    notice(f"已移除成员“{args.name}”。其以前签名的记录仍然有效。")
    _told(options)
    return 0


def cmd_register_key(args: argparse.Namespace) -> int:
    root = _root(args)
    options = _options(args)
    member = members.register_key(root, actor(args, root), args.name, args.key, options)
    notice(f"已为{member.name}登记新公钥 {key_id(member.public_key)}。此后其签名用新密钥校验，以前的记录仍按原公钥校验。")
    _told(options)
    return 0


def cmd_key_new(args: argparse.Namespace) -> int:
    root = _root(args)
    name, _ = member_name(args)
    public = members.new_key(root, name, new_key_passphrase(name))
    kept = "系统钥匙串中，受本机登录保护" if members.keys_in_os_keyring() else "本机，受口令保护"
    notice(f"已在本机为“{name}”生成新的签名密钥（私钥只保存在{kept}）。请把下面的公钥交给管理员登记：")
    print(public)
    return 0


def register(sub, add_user) -> None:
    p = sub.add_parser("library", help="文件库：init 建立成员名单（建立者为第一位管理员）；accept-roster、accept-history 本机接受恢复后的名单、记录")
    lib = p.add_subparsers(dest="library_command", title="操作", metavar="<操作>", required=True)
    q = lib.add_parser("init", help="为文件库建立成员名单，本人为第一位管理员")
    q.add_argument("library", metavar="LIBRARY")
    add_user(q)
    q.set_defaults(func=cmd_init)
    q = lib.add_parser("accept-roster", help="成员名单被有意恢复或重建后，本机接受现在的名单（核实后使用）")
    q.add_argument("library", metavar="LIBRARY")
    q.set_defaults(func=cmd_accept_roster)
    q = lib.add_parser("accept-history", help="文件包被有意从备份恢复后，本机接受各文件包现在的审计记录（核实后使用）")
    q.add_argument("library", metavar="LIBRARY")
    q.set_defaults(func=cmd_accept_history)

    p = sub.add_parser("member", help="成员名单：list 查看；add、update、remove、key 由管理员办理")
    mem = p.add_subparsers(dest="member_command", title="操作", metavar="<操作>", required=True)
    q = mem.add_parser("list", help="列出成员、角色和公钥")
    q.add_argument("library", metavar="LIBRARY")
    q.set_defaults(func=cmd_list)
    q = mem.add_parser("add", help="添加成员（管理员）")
    q.add_argument("library", metavar="LIBRARY")
    q.add_argument("name", metavar="NAME", help="成员姓名")
    q.add_argument("--roles", required=True, help=f"角色，逗号分隔：{roles_text(ALL_ROLES)}")
    q.add_argument("--member-office", help="成员所在处室")
    q.add_argument("--key", required=True, help="成员用 studio key new 生成的公钥")
    add_user(q)
    add_skip_unreadable(q)
    q.set_defaults(func=cmd_add)
    q = mem.add_parser("update", help="修改成员的角色、处室或对应的系统账户（管理员）")
    q.add_argument("library", metavar="LIBRARY")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--roles", help=f"新的角色，逗号分隔：{roles_text(ALL_ROLES)}")
    q.add_argument("--member-office", help="新的处室")
    q.add_argument("--os-account", help="该成员在本机使用的系统账户（登录名）；窗口登录时据此推荐该成员。空字符串取消对应")
    add_user(q)
    add_skip_unreadable(q)
    q.set_defaults(func=cmd_update)
    q = mem.add_parser("remove", help="移除成员（管理员）；其以前签名的记录仍然有效")
    q.add_argument("library", metavar="LIBRARY")
    q.add_argument("name", metavar="NAME")
    add_user(q)
    add_skip_unreadable(q)
    q.set_defaults(func=cmd_remove)
    q = mem.add_parser("key", help="为丢失或更换密钥的成员登记新公钥（管理员）")
    q.add_argument("library", metavar="LIBRARY")
    q.add_argument("name", metavar="NAME")
    q.add_argument("key", metavar="PUBLIC_KEY", help="成员用 studio key new 生成的新公钥")
    add_user(q)
    add_skip_unreadable(q)
    q.set_defaults(func=cmd_register_key)

    p = sub.add_parser("key", help="签名密钥：new 在本机生成新密钥并输出公钥")
    key = p.add_subparsers(dest="key_command", title="操作", metavar="<操作>", required=True)
    q = key.add_parser("new", help="在本机生成本人的签名密钥（受口令保护），输出公钥交管理员登记")
    q.add_argument("library", metavar="LIBRARY")
    add_user(q)
    q.set_defaults(func=cmd_key_new)
