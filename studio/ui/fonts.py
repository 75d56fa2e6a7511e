"""A CJK font for the window, so Chinese never shows as empty boxes."""

from __future__ import annotations

import os

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei")
# Where Debian-family systems keep the CJK fonts when fontconfig does not list them.
FALLBACK_FILES = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def choose_family() -> str:
    """The first preferred family present, loading a known font file if needed; "" if none."""
    configured = os.environ.get("STUDIO_CJK_FONT", "")
    if configured and os.path.isfile(configured):
        loaded = QFontDatabase.addApplicationFont(configured)
        if loaded >= 0:
            families = QFontDatabase.applicationFontFamilies(loaded)
            if families:
                return families[0]
    available = set(QFontDatabase.families())
    for family in PREFERRED:
        if family in available:
            return family
    for path in FALLBACK_FILES:
        if os.path.isfile(path):
            loaded = QFontDatabase.addApplicationFont(path)
            families = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
            for family in PREFERRED:
                if family in families:
                    return family
    return ""


def application_font(point_size: float = 10.5) -> QFont | None:
    family = choose_family()
    if not family:
        return None
    font = QFont(family)
    font.setPointSizeF(point_size)
    return font
