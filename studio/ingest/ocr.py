"""Scanned pages read with Tesseract (`chi_sim`), where it is installed: PDFs without a text
layer and images. Recognised text is never certain, so every value taken from it is
offered for checking, and the text itself is marked for proofreading.

Tesseract runs as a program (`tesseract - - -l chi_sim tsv`), one page at a time; its
word boxes go through the same reading-order layout as PDF and OFD text.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from functools import lru_cache

from studio.domain.errors import InvalidInput
from studio.ingest.page_layout import PageLine, TextPiece, page_lines

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")
LANGUAGE = "chi_sim"
INSTALL_HINT = ("扫描件需要文字识别程序 Tesseract 及其简体中文语言包（Debian/Ubuntu：sudo apt-get install "
                "tesseract-ocr tesseract-ocr-chi-sim；Windows/macOS：安装 Tesseract 并选择 chi_sim 语言包）。"
                "也可以导入该文件的 Word 原稿。")
_TIMEOUT_SECONDS = 120
MAX_PAGES = 60


def tesseract_path() -> str | None:
    configured = os.environ.get("STUDIO_TESSERACT")
    if configured:
        return configured if os.path.isfile(configured) else None
    return shutil.which("tesseract")


@lru_cache(maxsize=4)
def _has_language(program: str) -> bool:
    try:
        done = subprocess.run([program, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return LANGUAGE in done.stdout.decode("utf-8", "replace").split()


def available() -> bool:
    program = tesseract_path()
    return program is not None and _has_language(program)


def _pieces(tsv: str) -> list[TextPiece]:
    pieces = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        try:
            left, top = float(row["left"]), float(row["top"])
            width, height = float(row["width"]), float(row["height"])
        except (KeyError, TypeError, ValueError):
            continue
        pieces.append(TextPiece(text, left, top, left + width, top + height, height))
    return pieces


def recognise(image) -> list[PageLine]:
    """The lines Tesseract reads on one page image (a PIL image)."""
    program = tesseract_path()
    if program is None or not _has_language(program):
        raise InvalidInput("无法读取扫描件：" + INSTALL_HINT)
    png = io.BytesIO()
    image.convert("L").save(png, "PNG")
    try:
        done = subprocess.run([program, "-", "-", "-l", LANGUAGE, "--psm", "3", "tsv"], input=png.getvalue(),
                              capture_output=True, timeout=_TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise InvalidInput(f"文字识别超过 {_TIMEOUT_SECONDS} 秒仍未完成。请导入该文件的 Word 原稿。") from None
    except OSError as e:
        raise InvalidInput(f"无法启动文字识别程序（{e.strerror or e}）。" + INSTALL_HINT) from None
    if done.returncode != 0:
        raise InvalidInput("文字识别程序未能读取该页图像。请导入该文件的 Word 原稿。")
    return page_lines(_pieces(done.stdout.decode("utf-8", "replace")))
