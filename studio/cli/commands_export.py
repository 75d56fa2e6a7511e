"""export: a released package or a whole library as a folder a website can publish; --verify."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.output import notice
from studio.domain.errors import EXIT_BROKEN_PACKAGES, InvalidInput
from studio.service.library_access import is_package


def _export(args: argparse.Namespace) -> int:
    from studio.render.export.exporter import ExportOptions, export_library, export_package
    from studio.render.export.source import ExportRefused

    if not args.out:
        raise InvalidInput("请用 --out 指定导出到哪个文件夹，例如 studio export 文件库 --out 网站发布包。")
    source = Path(args.source)
    if not source.exists():
        raise InvalidInput(f"找不到“{args.source}”。请检查文件包或文件库的路径。")
    from studio.service.library_settings import export_defaults

    site_name, library_url = export_defaults(source)  # the library's own site, unless given here
    base_url = (args.base_url if args.base_url is not None else library_url).strip()
    if base_url and not base_url.startswith(("https://", "http://")):
        raise InvalidInput(f"--base-url 须是网站地址，以 https:// 或 http:// 开头（收到“{base_url}”）。")
    options = ExportOptions(preview=args.preview, base_url=base_url, site_name=args.site_name if args.site_name is not None else site_name,
                            make_zip=args.zip)
    out = Path(args.out)
    try:
        if is_package(source):
            report = export_package(source, out, options)
        else:
            report = export_library(source, out, options)
    except ExportRefused as e:
        if not args.preview and "尚未发布" in e.message:
            notice("提示：加 --preview 可导出预览稿。")
        raise
    refused = {id(s) for s in report.refused}
    broken = [s for s in report.skipped if s.broken]
    for skipped in report.skipped:
        if id(skipped) not in refused:
            notice(f"{'无法读取，已跳过' if skipped.broken else '未导出'}：{skipped.reason}（{skipped.folder}）")
    for skipped in report.refused:
        notice(f"拒绝导出：{skipped.reason}")
    for warning in report.warnings:
        notice(f"注意：{warning}")
    kind = "预览稿" if args.preview else "发布包"
    notice(f"已导出{kind}：{report.packages}个文件包，共{report.files}个文件"
           f"（本次生成{len(report.rendered)}个，沿用上次{report.reused}个）。")
    if not base_url:
        notice("未指定 --base-url，文件库设置中也没有网站地址：feed.xml、sitemap.xml 和分享标签中的链接为相对地址。"
               "正式上线前，请用 --base-url 指定网站地址重新导出，或在文件库设置中填写（studio settings 文件库 site_base_url=…）。")
    print(report.out_dir)
    if report.zip_path:
        print(report.zip_path)
    if broken:
        notice(f"有{len(broken)}个文件包无法读取，未能导出（见上）。请从备份恢复这些文件包后重新导出。")
        return EXIT_BROKEN_PACKAGES
    if report.refused:
        notice(f"有{len(report.refused)}个文件包未通过审计校验或发布前复核，已拒绝导出（见上）。其余文件包已导出。")
        return 1
    return 0


def _verify(args: argparse.Namespace) -> int:
    from studio.render.export.manifest import verify

    folder = Path(args.verify)
    if not folder.is_dir():
        raise InvalidInput(f"找不到发布包文件夹“{args.verify}”。")
    problems = verify(folder)
    if not problems:
        notice(f"核验通过：“{folder}”中的全部文件与清单（manifest.json）一致。")
        return 0
    for p in problems:
        print(f"  ✖ {p.path}：{p.message}")
    notice(f"核验未通过：发现{len(problems)}处与清单不符。不要发布这个文件夹。"
           "请把需要保留的改动或加入的文件移到别处（不需要的删除），然后重新导出。")
    return 1


def cmd_export(args: argparse.Namespace) -> int:
    if args.verify:
        if args.source or args.out:
            raise InvalidInput("--verify 单独使用：studio export --verify 发布包文件夹。")
        return _verify(args)
    if not args.source:
        raise InvalidInput("请指定要导出的文件包或文件库：studio export 文件库 --out 文件夹。")
    return _export(args)


def register(sub, add_user) -> None:
    p = sub.add_parser(
        "export",
        help="把已发布的文件包或整个文件库导出为可直接上网发布的网页文件夹",
        description="把已发布的文件包导出为网页文件夹（政策原文、解读、图解、问答、征求意见公告互相链接）；"
                    "对文件库则生成整个站点：政策文件库、政策解读栏目、站内检索、RSS 和网站地图。"
                    "只导出主动公开且已发布的版本；未发布的可用 --preview 导出预览稿。",
    )
    p.add_argument("source", nargs="?", metavar="PACKAGE|LIBRARY", help="文件包文件夹或文件库文件夹")
    p.add_argument("--out", metavar="DIR", help="导出到的文件夹（新建，或上次导出的发布包）")
    p.add_argument("--zip", action="store_true", help="同时生成 DIR.zip 压缩包")
    p.add_argument("--preview", action="store_true",
                   help="导出未发布的当前内容作为预览稿（每页标注“预览稿”，禁止搜索引擎收录）")
    p.add_argument("--base-url", metavar="URL", help="网站上线后的地址，如 https://www.example.gov.cn/zcwjk（默认取文件库设置中的网站地址）")
    p.add_argument("--site-name", metavar="NAME", help="页头显示的网站名称（默认取文件库设置中的网站名称，未设置时为“政策文件库”）")
    p.add_argument("--verify", metavar="DIR", help="按 manifest.json 核验已导出的发布包是否完整、未被改动")
    p.set_defaults(func=cmd_export)
