"""Finding a font that draws Chinese, and refusing to draw text it lacks.

Looked for in order: the font named by the environment variable STUDIO_CJK_FONT, then
Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC and WenQuanYi Micro
Hei in their usual places, then whatever fontconfig knows. A collection (.ttc) holds
several faces; the Simplified Chinese one is picked by its family name, because the
Japanese face of the same file draws some characters in Japanese forms.

Only Pillow is used, so the desktop window can reuse this module without matplotlib.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from studio.domain.errors import ActionRefused

ENV_VAR = "STUDIO_CJK_FONT"
SAMPLE = "政策解读图表数字"
# A code point no font maps: what the font draws for a character it lacks (.notdef).
_UNMAPPED = "\U0010fffd"

PREFERRED_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
)

_WINDOWS_FONTS = os.environ.get("WINDIR", "C:/Windows").replace("\\", "/") + "/Fonts"

_KNOWN_FILES: tuple[tuple[str, ...], ...] = (
    # (regular, bold) candidates; a bold file may be missing.
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc"),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
     "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc"),
    ("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
     "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Bold.otf"),
    ("/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf",
     "/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Bold.otf"),
    ("/usr/share/fonts/opentype/source-han-sans/SourceHanSans-Regular.ttc",
     "/usr/share/fonts/opentype/source-han-sans/SourceHanSans-Bold.ttc"),
    (f"{_WINDOWS_FONTS}/msyh.ttc", f"{_WINDOWS_FONTS}/msyhbd.ttc"),
    ("/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/PingFang.ttc"),
    ("/Library/Fonts/Microsoft/msyh.ttf", "/Library/Fonts/Microsoft/msyhbd.ttf"),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", ""),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", ""),
)

INSTALL_HELP = (
    "请安装一种中文字体后重试：Debian/Ubuntu 运行“sudo apt install fonts-noto-cjk”"
    "（或体积较小的 fonts-wqy-microhei）；Windows 自带“微软雅黑”，macOS 自带“苹方”；"
    f"也可以把环境变量 {ENV_VAR} 设为中文字体文件（.ttf、.otf 或 .ttc）的完整路径。"
)


class CjkFontMissing(ActionRefused):
    """No usable Chinese font: the image would show empty boxes instead of text."""


@dataclass(frozen=True)
class FontFace:
    path: str
    index: int
    family: str
    style: str

    def load(self, size: int) -> ImageFont.FreeTypeFont:
        return load_face(self.path, self.index, size)


@dataclass(frozen=True)
class CjkFont:
    regular: FontFace
    bold: FontFace | None  # None: headings are drawn with a stroke instead

    @property
    def family(self) -> str:
        return self.regular.family

    def identity(self) -> list[str | int]:
        """What makes two renders with this font the same, for cache names."""
        faces = [self.regular] + ([self.bold] if self.bold else [])
        out: list[str | int] = []
        for f in faces:
            size = Path(f.path).stat().st_size if Path(f.path).exists() else 0
            out += [f.family, f.style, f.index, size]
        return out


@lru_cache(maxsize=64)
def load_face(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    # Basic layout: CJK needs no shaping, and it gives the same pixels with or without libraqm.
    return ImageFont.truetype(path, size, index=index, layout_engine=ImageFont.Layout.BASIC)


def _faces(path: str) -> list[FontFace]:
    faces: list[FontFace] = []
    for index in range(32):
        try:
            font = load_face(path, index, 16)
        except OSError:
            break
        family, style = font.getname()
        faces.append(FontFace(path, index, family or "", style or ""))
        if not path.lower().endswith((".ttc", ".otc")):
            break
    return faces


def _notdef_mask(font: ImageFont.FreeTypeFont) -> tuple[tuple[int, int], bytes]:
    mask = font.getmask(_UNMAPPED)
    return mask.size, bytes(mask)


def missing_characters(face: FontFace, text: str) -> list[str]:
    """Characters of `text` the face would draw as its missing-glyph box, in order of first use."""
    font = face.load(32)
    notdef = _notdef_mask(font)
    missing: list[str] = []
    for ch in dict.fromkeys(text):
        if ch.isspace():
            continue  # drawn as blank space, never as a glyph
        mask = font.getmask(ch)
        if (mask.size, bytes(mask)) == notdef:
            missing.append(ch)
    return missing


def _draws_chinese(face: FontFace) -> bool:
    return not missing_characters(face, SAMPLE)


def _is_bold(face: FontFace) -> bool:
    return any(w in face.style.lower() for w in ("bold", "semibold", "heavy", "black", "粗"))


def _pick(regular_path: str, bold_path: str, families: tuple[str, ...]) -> CjkFont | None:
    faces = [f for f in _faces(regular_path) if not _is_bold(f)] or _faces(regular_path)
    chosen = next((f for fam in families for f in faces if f.family == fam), None)
    if chosen is None:
        # A single-face file, or a collection with no preferred family: take the first that draws Chinese.
        chosen = next((f for f in faces if f.family.endswith(" SC")), None) or (faces[0] if faces else None)
    if chosen is None or not _draws_chinese(chosen):
        return None
    bold = None
    if bold_path and Path(bold_path).exists():
        bold_faces = [f for f in _faces(bold_path) if f.family == chosen.family and _is_bold(f)]
        bold = bold_faces[0] if bold_faces else None
    return CjkFont(chosen, bold)


def _from_env(value: str) -> CjkFont:
    path, _, index = value.partition("#")
    if not Path(path).is_file():
        raise CjkFontMissing(f"环境变量 {ENV_VAR} 指定的字体文件“{path}”不存在。请改为中文字体文件的完整路径，"
                             "或删除该变量以使用系统中已安装的中文字体。")
    faces = _faces(path)
    if index.strip().isdigit():
        faces = [f for f in faces if f.index == int(index)]
    font = None
    if faces:
        preferred = [f for fam in PREFERRED_FAMILIES for f in faces if f.family == fam]
        face = (preferred or [f for f in faces if f.family.endswith(" SC")] or faces)[0]
        font = CjkFont(face, None) if _draws_chinese(face) else None
    if font is None:
        raise CjkFontMissing(f"环境变量 {ENV_VAR} 指定的字体“{path}”不能显示中文（或不是字体文件）。"
                             "请改为包含简体中文字形的字体，如 Noto Sans CJK SC、思源黑体或微软雅黑。")
    return font


def _fontconfig_files() -> list[str]:
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh-cn", "file"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    # Sans faces read better in a graphic than serif or monospaced ones.
    return sorted(files, key=lambda f: ("serif" in f.lower(), "mono" in f.lower(), f))


@lru_cache(maxsize=8)
def _discover(env_value: str, platform: str) -> CjkFont:
    if env_value:
        return _from_env(env_value)
    for regular, bold in _KNOWN_FILES:
        if Path(regular).is_file():
            font = _pick(regular, bold, PREFERRED_FAMILIES)
            if font:
                return font
    for path in _fontconfig_files():
        font = _pick(path, "", PREFERRED_FAMILIES)
        if font:
            return font
    raise CjkFontMissing("没有找到可以显示中文的字体，无法生成图解（否则文字会显示为方框）。" + INSTALL_HELP)


def find_cjk_font() -> CjkFont:
    """The font to draw explainers with, or `CjkFontMissing` saying how to install one."""
    return _discover(os.environ.get(ENV_VAR, "").strip(), sys.platform)


def check_coverage(font: CjkFont, text: str) -> None:
    """Refuse text the font cannot draw, naming the characters."""
    missing = missing_characters(font.regular, text)
    if missing:
        shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in missing[:10])
        more = f"等{len(missing)}个字符" if len(missing) > 10 else ""
        raise ActionRefused(f"字体“{font.family}”缺少以下字符的字形：{shown}{more}，画出来会是方框。"
                            "请改用常用字或删去这些符号；如确需使用，请通过环境变量 "
                            f"{ENV_VAR} 指定包含这些字符的字体。")
