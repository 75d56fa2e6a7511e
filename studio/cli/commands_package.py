"""new, set, import, link, unlink, add-form: making and filling packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.common import actor, key_values, library_of, package_folder
from studio.cli.output import finding_line, notice
from studio.domain import edits
from studio.domain.errors import InvalidInput
from studio.domain.findings import Severity
from studio.domain.metadata import label
from studio.domain.pieces import CONSULTATION, EXPLAINER, FAQ, INTERPRETATION, POLICY, piece_label
from studio.service import importing, members, operations
from studio.service.clock import now

NEW_OPTIONS = {
    "doc_number": "发文字号，如 国办发〔2017〕47号",
    "organ": "发文机关",
    "date_written": "成文日期，如 2024年3月4日",
    "kind": "文件类型：规章、规范性文件、重大行政决策、其他",
    "disclosure": "公开属性：主动公开、依申请公开、不予公开",
    "topic": "主题分类",
    "index_number": "索引号",
}


def cmd_new(args: argparse.Namespace) -> int:
    founded = not members.has_roster(Path(args.library))
    try:
        return _new(args)
    except BaseException:
        if founded:
            members.discard_new_roster(Path(args.library))  # a failed `new` leaves no library behind
        raise


def _new(args: argparse.Namespace) -> int:
    options = {k: getattr(args, k) for k in NEW_OPTIONS if getattr(args, k) is not None}
    if args.title is not None:
        options["title"] = args.title
    if args.source:
        companions = {piece: Path(getattr(args, piece)) for piece in (INTERPRETATION, FAQ)
                      if getattr(args, piece, None)}
        folder, results = importing.create_from_file(Path(args.library), actor(args, Path(args.library)), Path(args.source),
                                                     options, companions)
        print(folder)
        taken = [k for k in results[0].accepted if k not in options and k not in results[0].to_check]
        if taken:
            notice("已从文件中识别并填写：" + "；".join(f"{label(k)}={results[0].accepted[k]}" for k in taken))
        for result in results:
            if result.prepared.piece != POLICY:
                notice(f"已导入：{piece_label(result.prepared.piece)}（来自 {result.prepared.source}）。")
                if result.accepted:
                    notice("已填写：" + "；".join(f"{label(k)}={v}" for k, v in result.accepted.items()))
            _report_import(result)
        _report_check(folder)
        return 0
    if args.interpretation or args.faq:
        raise InvalidInput("--interpretation 和 --faq 须与 --from 一起使用；已有文件包请用 studio import 导入。")
    if not options.get("title", "").strip():
        raise InvalidInput("新建文件包须提供标题（--title），或用 --from 从政策文件中识别。")
    folder = operations.create_package(Path(args.library), actor(args, Path(args.library)), options)
    print(folder)
    return 0


def _report_import(result: importing.ImportResult) -> None:
    """What the file stated beyond its text, and what the user should check."""
    extracted = result.prepared.extracted
    if extracted and result.prepared.piece == POLICY:
        if extracted.addressees:
            notice(f"主送机关：{extracted.addressees}")
        if extracted.attachments:
            notice("附件：" + "；".join(f"{i}. {a}" for i, a in enumerate(extracted.attachments, 1)))
    for proposal in result.proposals:
        notice(proposal.describe())
    for text in result.prepared.notes:
        notice(f"请注意：{text}")


def _report_check(folder: Path) -> None:
    """The new package checked at once: what still stands between it and release."""
    result = operations.check_folder(folder, now().date())
    counts = {s: sum(f.severity is s for f in result.findings) for s in Severity}
    notice(f"检查结果：{counts[Severity.BLOCKING]}项阻止发布，{counts[Severity.WARNING]}项警告，"
           f"{counts[Severity.INFO]}项提示（studio check {folder} 可再次查看）。")
    for finding in result.findings:
        notice(finding_line(finding))


def _report(outcome: edits.EditOutcome, what: str) -> int:
    if outcome.changed:
        notice(f"已保存：{what}。")
    else:
        notice("内容没有变化，未保存。")
    for text in outcome.notices:
        notice(text)
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    values = key_values(args.pairs)
    folder = package_folder(args.package)
    outcome = operations.edit(folder, actor(args, library_of(folder)), lambda p: edits.set_metadata(p, values))
    return _report(outcome, "、".join(label(k) for k in outcome.parts.get("metadata", [])))


def cmd_import(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    path = Path(args.file)
    result = importing.import_file(folder, actor(args, library_of(folder)), path, args.piece, args.title, args.accept_metadata)
    _report(result.outcome, f"{piece_label(args.piece)}（来自 {path.name}）")
    if result.accepted:
        notice("已采纳文件中的元数据（原为空）：" + "；".join(f"{label(k)}={v}" for k, v in result.accepted.items()))
    _report_import(result)
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    outcome = operations.edit(folder, actor(args, library_of(folder)), lambda p: edits.link(p, args.piece, args.ref), action="link")
    return _report(outcome, f"{piece_label(args.piece)}与政策文件的双向关联")


def cmd_unlink(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    outcome = operations.edit(folder, actor(args, library_of(folder)), lambda p: edits.unlink(p, args.piece), action="unlink")
    return _report(outcome, f"取消政策文件到{piece_label(args.piece)}的链接")


def cmd_add_form(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    outcome = operations.edit(folder, actor(args, library_of(folder)), lambda p: edits.add_other_form(
        p, args.form, args.title, url=args.url or "", date=args.date or "", policy_ref=args.ref or ""))
    return _report(outcome, f"{args.form}“{args.title}”")


def register(sub, add_user) -> None:
    p = sub.add_parser("new", help="在文件库中新建文件包，输出其文件夹路径")
    p.add_argument("library", metavar="LIBRARY", help="文件库文件夹")
    p.add_argument("--title", help="政策文件标题（用 --from 时可省略，取文件中的标题）")
    p.add_argument("--from", dest="source", metavar="FILE",
                   help="从政策文件（.docx、.md、.txt、.html）新建：导入正文，并识别标题、发文字号、发文机关、成文日期等")
    p.add_argument("--interpretation", metavar="FILE", help="与 --from 一起使用：同时导入政策解读")
    p.add_argument("--faq", metavar="FILE", help="与 --from 一起使用：同时导入问答")
    for key, text in NEW_OPTIONS.items():
        p.add_argument("--" + key.replace("_", "-"), dest=key, help=text)
    add_user(p)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("set", help="设置元数据：studio set PACKAGE 键=值 …")
    p.add_argument("package", metavar="PACKAGE", help="文件包文件夹")
    p.add_argument("pairs", nargs="+", metavar="键=值", help="如 doc_number=国办发〔2017〕47号")
    add_user(p)
    p.set_defaults(func=cmd_set)

    p = sub.add_parser("import", help="从文件导入政策文件、解读、问答、征求意见公告或图解内容")
    p.add_argument("package", metavar="PACKAGE", help="文件包文件夹")
    p.add_argument("--piece", required=True,
                   choices=(POLICY, INTERPRETATION, FAQ, CONSULTATION, EXPLAINER),
                   help="导入哪一项材料")
    p.add_argument("file", metavar="FILE", help=".docx、.md、.txt 或 .html 文件（图解内容为 .json，或按“一、”“## ”等小标题分部分的文档）")
    p.add_argument("--title", help="材料标题（解读、问答、征求意见公告）")
    p.add_argument("--accept-metadata", action="store_true",
                   help="将文件中识别到的元数据填入尚为空的项（已填写的项不会被改动）")
    add_user(p)
    p.set_defaults(func=cmd_import)

    companions = (INTERPRETATION, EXPLAINER, FAQ, CONSULTATION)
    p = sub.add_parser("link", help="将材料与政策文件双向关联")
    p.add_argument("package", metavar="PACKAGE")
    p.add_argument("--piece", required=True, choices=companions)
    p.add_argument("--ref", help="材料所称的关联文件（默认为本文件的发文字号或标题）")
    add_user(p)
    p.set_defaults(func=cmd_link)

    p = sub.add_parser("unlink", help="取消政策文件页面到某项材料的链接")
    p.add_argument("package", metavar="PACKAGE")
    p.add_argument("--piece", required=True, choices=companions + ("others",))
    add_user(p)
    p.set_defaults(func=cmd_unlink)

    p = sub.add_parser("add-form", help="添加其他解读形式（专家解读、媒体解读、在线访谈等）")
    p.add_argument("package", metavar="PACKAGE")
    p.add_argument("--form", required=True, help="解读形式，如 专家解读、媒体解读、在线访谈")
    p.add_argument("--title", required=True, help="标题")
    p.add_argument("--url", help="发布地址")
    p.add_argument("--date", help="发布日期")
    p.add_argument("--ref", help="该材料所称的关联文件")
    add_user(p)
    p.set_defaults(func=cmd_add_form)
