"""Text files in the encodings offices use: UTF-8, GB18030/GBK, UTF-16."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from studio.domain.errors import InvalidInput

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _plausible(text: str) -> bool:
    """Mostly CJK and ASCII: what a Chinese office document decodes to in the right encoding."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    cjk = sum(1 for c in non_ascii if _CJK.match(c))
    return cjk / len(non_ascii) > 0.9


def decode(raw: bytes, name: str) -> str:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(encoding)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if raw.count(b"\x00") > len(raw) // 4:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return text
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible(text):
        return text
    raise InvalidInput(f"无法识别“{name}”的文字编码（不是 UTF-8、GB18030/GBK 或 UTF-16）。"
                       "请用记事本或 WPS 将其另存为“UTF-8”编码后再导入。")


def read_text(path: Path) -> str:
    """The text of a .md or .txt file, as Markdown, with line endings normalised."""
    path = Path(path)
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise InvalidInput(f"暂不支持导入“{path.suffix or path.name}”文件。请导入 .md 或 .txt 文件"
                           "（Word 文件请先另存为纯文本）。")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"找不到文件“{path}”。请检查路径。") from None
    except IsADirectoryError:
        raise InvalidInput(f"“{path}”是文件夹，不是文件。") from None
    except PermissionError:
        raise InvalidInput(f"没有权限读取“{path}”。") from None
    text = decode(raw, path.name).replace("\r\n", "\n").replace("\r", "\n")
    # Comments never belong on a public page; they may hold drafting notes.
    text = _HTML_COMMENT.sub("", text)
    if path.suffix.lower() == ".txt":
        # Plain text puts one paragraph on a line; Markdown needs a blank line between them.
        text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    text = text.strip()
    if not text:
        raise InvalidInput(f"文件“{path.name}”是空的，没有可导入的内容。")
    return text + "\n"
