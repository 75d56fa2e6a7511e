"""check, show, log, verify, unlock: looking at packages and libraries."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from studio.cli.common import actor, library_of, package_folder
from studio.cli.output import finding_line, notice, print_json, print_json_list
from studio.domain.errors import EXIT_BROKEN_PACKAGES, ActionRefused, InvalidInput
from studio.domain.metadata import LABELS
from studio.domain.pieces import PIECE_KEYS, piece_label
from studio.domain.plain_text import one_line
from studio.service import locks, operations
from studio.service.clock import now
from studio.service.library_access import SETTINGS_FILE, is_package
from studio.service.library_proof import verify_library
from studio.service.package_info import describe_event, package_info
from studio.service.proof import verify_each, verify_package


def today(args: argparse.Namespace) -> date:
    """The day a check counts time limits from (a report only; no command records a chosen date)."""
    value = getattr(args, "today", None)
    if not value:
        return now().date()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"--today 的值“{value}”不是 YYYY-MM-DD 格式的日期。") from None


def _print_result(result: operations.CheckResult) -> None:
    if result.error:
        print(f"{result.folder.name}  无法读取，已跳过")
        print(f"  {result.folder}")
        print(f"  ✖ {result.error}")
        return
    verdict = "可以发布" if result.releasable else "不能发布"
    print(f"{result.title or '（未命名）'}  [{result.state.label}]  {verdict}")
    print(f"  {result.folder}")
    for f in result.findings:
        print(finding_line(f))


def cmd_check(args: argparse.Namespace) -> int:
    path = Path(args.path)
    day = today(args)
    if is_package(path):
        results = [operations.check_folder(path, day)]
        single = True
    elif path.is_dir():
        results = operations.check_library(path, day)
        single = False
    else:
        raise InvalidInput(f"“{args.path}”既不是文件包也不是文件库文件夹。请检查路径。")
    if args.json:
        data = [r.to_dict() for r in results]
        if single:
            print_json(data[0])
        else:
            print_json_list(data)
    else:
        for r in results:
            _print_result(r)
        if not single:
            ok = sum(r.releasable for r in results)
            broken = sum(bool(r.error) for r in results)
            print(f"共 {len(results)} 个文件包，{ok} 个可以发布，{len(results) - ok - broken} 个不能发布"
                  + (f"，{broken} 个无法读取（见上，请从备份恢复这些文件包）。" if broken else "。"))
    if any(r.error for r in results):
        return EXIT_BROKEN_PACKAGES
    return 0 if all(r.releasable for r in results) else 1


def cmd_show(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    info = package_info(folder)
    if args.json:
        print_json(info)
        return 0
    print(f"{info['metadata']['title'] or '（未命名）'}")
    print(f"状态：{info['state_label']}（第{info['version']}版）  创建：{info['created_by']} {info['created_at']}")
    if info["locked_by"]:
        print(f"编辑锁：{info['locked_by']}")
    print("元数据：")
    for key, value in info["metadata"].items():
        if value:
            print(f"  {LABELS[key]}（{key}）：{value}")
    print("材料：")
    for key in PIECE_KEYS:
        p = info["pieces"][key]
        signed = {True: "审签有效", False: "审签后已修改", None: "未审签"}[p["signed_off_current"]]
        present = f"{p['length']}字" if p["present"] else "无"
        print(f"  {piece_label(key)}：{present}  {p['content_hash'][:12]}  {signed}")
    if info["media"]:
        print("图片：")
        for name, h in info["media"].items():
            print(f"  media/{name}  {h[:12]}")
    if info["outside_changes"]:
        print("警告：文件包在工作室之外被改动过，审签和审计记录都不覆盖这些改动：")
        for text in info["outside_changes"]:
            print(f"  - {text}")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    events = operations.history(folder)
    if args.json:
        print_json(events)
        return 0
    for e in events:
        piece = f" {piece_label(e['piece'])}" if e.get("piece") in PIECE_KEYS else (
            " 元数据" if e.get("piece") == "metadata" else "")
        fields = f"（{'、'.join(LABELS.get(f, f) for f in e.get('fields', []))}）" if e.get("fields") else ""
        comment = f"：{e['comment']}" if e.get("comment") else ""
        # One event, one line: a line break or control typed into a comment or a file name shows escaped.
        print(one_line(f"{describe_event(e)}{piece}{fields}{comment}  [{e.get('hash', '')[:10]}]"))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    path = Path(args.package)
    if is_package(path):
        proofs = [verify_package(path)]
        library_problems = []
    elif path.is_dir():
        library_problems = verify_library(path)
        proofs = verify_each(path)
    else:
        raise InvalidInput(f"“{args.package}”既不是文件包也不是文件库文件夹。请检查路径。")
    failed = [p for p in proofs if p.problems]
    for p in library_problems:
        print(f"文件库：{p.message}")
    for proof in failed:
        print(f"{proof.folder.name}：审计记录校验失败（{len(proof.problems)}处）：")
        for p in proof.problems:
            print(f"  - {p.message}")
    if failed or library_problems:
        return 1
    for proof in proofs:
        print(f"{proof.folder.name}：审计记录完整，{len(proof.stored.events)}条记录首尾相连、签名有效，"
              f"内容、图片和发布版本与记录一致。")
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    status = locks.lock_status(folder)
    if status is None:
        notice("该文件包没有被锁定。")
        return 0
    if not status.stale and not args.force:
        raise ActionRefused(f"文件包正由{status.who}编辑，锁仍然有效。如确认对方已不在编辑（例如程序崩溃或电脑已关机），请加 --force 解除锁定。")
    who = locks.break_lock(folder)
    notice(f"已解除锁定（原持有者：{who}）。")
    return 0


def cmd_adopt(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    found = operations.adopt_outside_change(folder, actor(args, library_of(folder)), args.reason or "")
    notice("已将以下外部改动登记为你的修改（原有审核、审签已作废，须重新审核）：")
    for text in found:
        notice(f"  - {text}")
    return 0


def register(sub, add_user) -> None:
    p = sub.add_parser("check", help="检查文件包或整个文件库能否发布；可发布时退出码为0，有阻止发布的问题时为1")
    p.add_argument("path", metavar="PATH", help=f"文件包文件夹或文件库文件夹（含 {SETTINGS_FILE} 设置）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--today", help="按指定日期（YYYY-MM-DD）检查时限")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("show", help="显示文件包的元数据、状态和各项材料")
    p.add_argument("package", metavar="PACKAGE")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("log", help="显示审计记录（全过程留痕）")
    p.add_argument("package", metavar="PACKAGE")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_log)

    p = sub.add_parser("verify", help="校验文件包或整个文件库的审计记录、签名、内容和图片是否被篡改；被改动时退出码为1并指出位置")
    p.add_argument("package", metavar="PATH", help="文件包文件夹或文件库文件夹")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("adopt", help="把在工作室之外对文件包所作的改动登记为本人的修改（须说明理由；审核、审签作废）")
    p.add_argument("package", metavar="PACKAGE")
    p.add_argument("--reason", required=True, help="为什么保留这些改动")
    add_user(p)
    p.set_defaults(func=cmd_adopt)

    p = sub.add_parser("unlock", help="解除失效的编辑锁（持有者程序已退出时）")
    p.add_argument("package", metavar="PACKAGE")
    p.add_argument("--force", action="store_true", help="即使持有者看起来仍在编辑也解除（请先与对方确认）")
    p.set_defaults(func=cmd_unlock)
