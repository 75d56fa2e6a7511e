"""The `studio` command: the desktop window by default, and every operation from the shell."""

from __future__ import annotations

import argparse
import importlib
import sys

from studio import APP_NAME, __version__
from studio.cli import argparse_zh

# Command modules, loaded only when a command (not the window) is asked for.
COMMAND_MODULES = ("commands_package", "commands_workflow", "commands_inspect", "commands_settings", "commands_members",
                   "commands_explainer", "commands_export")


def _add_user(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", help="以哪位成员的身份操作（默认取本机设置的姓名）；口令在终端输入，或由环境变量 STUDIO_PASSPHRASE 提供")
    p.add_argument("--office", help="操作人所在处室（默认取用户设置）")


def build_parser() -> argparse.ArgumentParser:
    argparse_zh.install()
    parser = argparse_zh.ChineseParser(
        prog="studio",
        description=f"{APP_NAME}：政策文件与解读、图解、问答、征求意见公告三同步、双关联的起草、审签和发布。"
                    "不带参数运行时打开桌面窗口。",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", title="命令", metavar="<命令>", parser_class=argparse_zh.ChineseParser)
    p = sub.add_parser("gui", help="打开桌面窗口（默认）")
    p.add_argument("library", nargs="?", metavar="LIBRARY", help="要打开的文件库（默认为上次使用的或示例文件库）")
    p.set_defaults(func=_gui)
    for name in COMMAND_MODULES:
        importlib.import_module(f"studio.cli.{name}").register(sub, _add_user)
    # Each command's own --help opens with the line the command list shows.
    for choice in sub._choices_actions:
        sub.choices[choice.dest].description = choice.help
    return parser


def _gui(args: argparse.Namespace) -> int:
    from studio.ui.app import run  # Qt is loaded only for the window

    return run(getattr(args, "library", None))


def _window_only(argv: list[str]) -> str | None:
    """The library to open when the command line asks only for the window (the fast path)."""
    if not argv:
        return ""
    if argv[0] == "gui" and len(argv) <= 2 and not any(a.startswith("-") for a in argv[1:]):
        return argv[1] if len(argv) == 2 else ""
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    library = _window_only(argv)
    if library is not None:
        from studio.ui.app import run  # the window starts without the command modules

        return run(library or None)
    from studio.cli.failures import describe_unexpected, undecodable_argument
    from studio.domain.errors import StudioError
    from studio.service.locks import PackageLocked

    bad = undecodable_argument(argv)
    if bad:
        print(f"错误：{bad}", file=sys.stderr)
        return 2
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        return _gui(args)
    try:
        return args.func(args)
    except StudioError as e:
        print(f"错误：{e.message}", file=sys.stderr)
        return e.exit_code
    except PackageLocked as e:
        print(f"错误：{e.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - the last guard: a user never sees a traceback
        print(f"错误：{describe_unexpected(e)}", file=sys.stderr)
        return 1
