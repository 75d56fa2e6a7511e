"""What the command line says when something goes wrong that no command caught.

No traceback reaches the user: a failed file operation is told in words with what to
do, and anything unforeseen is told in one line while its details go to a log file
that can be sent to support.
"""

from __future__ import annotations

import re
import sys
import traceback
from datetime import datetime

from studio.domain.errors import os_error_message
from studio.paths import user_data_dir

# Bytes that are not UTF-8 reach Python's argv as lone surrogates.
_UNDECODABLE = re.compile(r"[\ud800-\udfff]")


def undecodable_argument(argv: list[str]) -> str:
    """The message for the first argument that is not valid text, or ""."""
    for n, arg in enumerate(argv, 1):
        if _UNDECODABLE.search(arg):
            shown = _UNDECODABLE.sub("?", arg)[:40]
            return (f"第{n}个参数“{shown}”中有无法识别的字符（不是有效的 UTF-8 编码）。"
                    "请检查终端或脚本的编码设置（应为 UTF-8），重新输入后再试。")
    return ""


def describe_unexpected(error: BaseException) -> str:
    """One Chinese sentence for an exception no command turned into a message."""
    if isinstance(error, OSError):
        return os_error_message(error)
    if isinstance(error, RecursionError):
        return "输入的内容嵌套层次过深，无法处理。请检查文件是否损坏，或简化其结构后重试。已有的数据未被改动。"
    if isinstance(error, MemoryError):
        return "内存不足，无法完成操作。请关闭其他程序，或检查输入文件是否异常巨大。已有的数据未被改动。"
    log = _log(error)
    where = f"错误详情已记录在“{log}”，请把该文件发给技术支持。" if log else ""
    return f"出现了意外的错误（{type(error).__name__}），操作未完成，已有的数据未被改动。{where}"


def _log(error: BaseException) -> str:
    try:
        folder = user_data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"error-{datetime.now():%Y%m%d}.log"
        with open(path, "a", encoding="utf-8", errors="backslashreplace") as f:
            f.write(f"--- {datetime.now().isoformat(timespec='seconds')} {' '.join(sys.argv)!r}\n")
            f.write("".join(traceback.format_exception(error)))
        return str(path)
    except OSError:
        return ""
