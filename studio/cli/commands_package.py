"""new, set, import, link, unlink, add-form: making and filling packages."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from studio.cli.common import actor, key_values, package_folder
from studio.cli.output import notice
from studio.domain import edits
from studio.domain.errors import InvalidInput
from studio.domain.metadata import label
from studio.domain.pieces import CONSULTATION, EXPLAINER, FAQ, INTERPRETATION, POLICY, piece_label
from studio.ingest.faq_text import parse_faq
from studio.ingest.text_file import read_text
from studio.service import operations

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
    values = {"title": args.title}
    values.update({k: getattr(args, k) for k in NEW_OPTIONS if getattr(args, k) is not None})
    folder = operations.create_package(Path(args.library), actor(args), values)
    print(folder)
    return 0


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
    outcome = operations.edit(folder, actor(args), lambda p: edits.set_metadata(p, values))
    return _report(outcome, "、".join(label(k) for k in outcome.parts.get("metadata", [])))


def _explainer_content(path: Path) -> dict:
    if path.suffix.lower() != ".json":
        raise InvalidInput("政策图解的内容须是 .json 文件（标题、副标题和各部分内容）。")
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"找不到文件“{path}”。") from None
    except ValueError as e:
        raise InvalidInput(f"图解内容文件“{path.name}”不是有效的 JSON：{e}。") from None
    if not isinstance(data, dict) or not isinstance(data.get("sections", []), list):
        raise InvalidInput("图解内容须是包含 title 和 sections 列表的 JSON 对象。")
    return {k: data[k] for k in ("title", "subtitle", "sections", "theme", "width") if k in data}


def cmd_import(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    path = Path(args.file)
    piece = args.piece
    # Read and parse everything before touching the package: a failed import changes nothing.
    if piece == EXPLAINER:
        content = _explainer_content(path)
        change = lambda p: edits.set_explainer(p, content)  # noqa: E731
    elif piece == FAQ:
        title, items = parse_faq(read_text(path))
        change = lambda p: edits.set_faq(p, items, args.title if args.title is not None else title)  # noqa: E731
    elif piece == POLICY:
        text = read_text(path)
        change = lambda p: edits.set_policy_body(p, text)  # noqa: E731
    else:
        text = read_text(path)
        change = lambda p: edits.set_text_piece(p, piece, text, args.title)  # noqa: E731
    outcome = operations.edit(folder, actor(args), change, action="import", comment=path.name)
    return _report(outcome, f"{piece_label(piece)}（来自 {path.name}）")


def cmd_link(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    outcome = operations.edit(folder, actor(args), lambda p: edits.link(p, args.piece, args.ref), action="link")
    return _report(outcome, f"{piece_label(args.piece)}与政策文件的双向关联")


def cmd_unlink(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    outcome = operations.edit(folder, actor(args), lambda p: edits.unlink(p, args.piece), action="unlink")
    return _report(outcome, f"取消政策文件到{piece_label(args.piece)}的链接")


def cmd_add_form(args: argparse.Namespace) -> int:
    folder = package_folder(args.package)
    outcome = operations.edit(folder, actor(args), lambda p: edits.add_other_form(
        p, args.form, args.title, url=args.url or "", date=args.date or "", policy_ref=args.ref or ""))
    return _report(outcome, f"{args.form}“{args.title}”")


def register(sub, add_user) -> None:
    p = sub.add_parser("new", help="在文件库中新建文件包，输出其文件夹路径")
    p.add_argument("library", metavar="LIBRARY", help="文件库文件夹")
    p.add_argument("--title", required=True, help="政策文件标题")
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
    p.add_argument("file", metavar="FILE", help=".md 或 .txt 文件（图解内容为 .json）")
    p.add_argument("--title", help="材料标题（解读、问答、征求意见公告）")
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
