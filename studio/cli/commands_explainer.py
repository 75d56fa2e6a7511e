"""render-explainer: draw a package's graphic explainer (政策图解) as a long image."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.common import package_folder
from studio.cli.output import finding_line, notice
from studio.domain.errors import InvalidInput
from studio.domain.explainer import alt_text, check_numbers, policy_texts, transcript_markdown, validate
from studio.domain.findings import Severity
from studio.service import operations
from studio.service.output_files import atomic_write_text

DEFAULT_OUT = Path("media") / "explainer"
TRANSCRIPT_FILE = "explainer-transcript.md"
ALT_TEXT_FILE = "explainer-alt.txt"


def _formats(value: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in value.replace("，", ",").split(",") if p.strip())
    if not parts:
        raise InvalidInput("--formats 至少要写一种图片格式，如 png,jpg。")
    return parts


def cmd_render_explainer(args: argparse.Namespace) -> int:
    from studio.render.explainer import render  # Pillow and matplotlib load only for drawing

    folder = package_folder(args.package)
    package = operations.load(folder)
    piece, meta = package.pieces.explainer, package.metadata
    default_out = args.out is None
    out_dir = folder / DEFAULT_OUT if default_out else Path(args.out)
    # Content that draws but deserves a look (a number the policy does not contain, a long label).
    texts = policy_texts(package.pieces.policy.body, package.pieces.interpretation.body, meta)
    for f in validate(piece) + check_numbers(piece, texts):
        if f.severity is not Severity.BLOCKING:
            notice(finding_line(f))
    paths = render(piece, meta, out_dir, width=args.width, theme=args.theme, formats=_formats(args.formats),
                   slice_height=args.slice_height, prune=default_out)
    for path in paths:
        print(path)
    if args.text:
        transcript, alt = out_dir / TRANSCRIPT_FILE, out_dir / ALT_TEXT_FILE
        atomic_write_text(transcript, transcript_markdown(piece, meta))
        atomic_write_text(alt, alt_text(piece, meta) + "\n")
        print(transcript)
        print(alt)
    notice(f"已生成政策图解图片 {len(paths)} 个文件。")
    return 0


def register(sub, add_user) -> None:
    p = sub.add_parser(
        "render-explainer",
        help="把文件包中的政策图解绘制成长图（PNG、JPEG 或 WebP）",
        description="把文件包中的政策图解绘制成长图。图片由图解内容生成，内容不变时再次运行直接沿用已有图片；"
                    "图片中不含任何元数据。数字与政策文件、解读不一致等提示会显示出来，但不妨碍出图。",
    )
    p.add_argument("package", metavar="PACKAGE", help="文件包文件夹")
    p.add_argument("--width", type=int, choices=(1080, 750),
                   help="图片宽度（像素）：1080 为通用长图，750 为手机端；默认取图解内容中的设定")
    p.add_argument("--theme", help="主题：政务红（red）、政务蓝（blue）、高对比度（high-contrast）；"
                                   "默认取图解内容中的设定，未设定时为政务红")
    p.add_argument("--out", metavar="DIR", help=f"输出文件夹（默认为文件包中的 {DEFAULT_OUT.as_posix()}/）")
    p.add_argument("--formats", default="png,jpg",
                   help="图片格式，逗号分隔，可选 png、jpg、webp（默认 png,jpg）")
    p.add_argument("--slice-height", type=int, metavar="PX",
                   help="把长图切成不高于该像素数的几段（在两部分之间切开），以适应上传限制")
    p.add_argument("--text", action="store_true",
                   help=f"同时写出图解文字版（{TRANSCRIPT_FILE}）和替代文本（{ALT_TEXT_FILE}）")
    p.set_defaults(func=cmd_render_explainer)
