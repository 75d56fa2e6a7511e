"""submit, review, sign, release, return, amend: moving a package through the workflow."""

from __future__ import annotations

import argparse

from studio.cli.common import actor, library_of, package_folder
from studio.cli.output import notice
from studio.domain import workflow
from studio.service import operations

_HELP = {
    workflow.SUBMIT: "提交审核（须有政策解读，免于解读的除外）",
    workflow.REVIEW: "审核通过：第一次为初审（保密性、规范性），第二次为复审（导向性、准确性）",
    workflow.SIGN: "审签：签发文件包内全部材料的当前版本",
    workflow.RELEASE: "发布：复核全部规则后同步发布全部材料",
    workflow.RETURN: "退回起草处室修改（须填写意见）",
    workflow.AMEND: "对已发布的文件包建立新版本进行修订",
}


def cmd_transition(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    t = operations.transition(folder, actor(args, library_of(folder)), args.action, args.comment or "")
    notice(f"{workflow.action_label(args.action, t.level)}：完成。当前状态：{t.package.state.label}。")
    for text in t.notices:
        notice(text)
    return 0


def register(sub, add_user) -> None:
    for action, text in _HELP.items():
        p = sub.add_parser(action, help=text)
        p.add_argument("package", metavar="PACKAGE", help="文件包文件夹")
        p.add_argument("--comment", help="意见或说明" + ("（必填）" if action == workflow.RETURN else ""),
                       required=action == workflow.RETURN)
        add_user(p)
        p.set_defaults(func=cmd_transition, action=action)
