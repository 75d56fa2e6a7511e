"""Importing a file into the open package from the window (the same readers as `studio import`)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from studio.domain import edits
from studio.domain.errors import InvalidInput, StudioError
from studio.domain.pieces import EXPLAINER, FAQ, POLICY, piece_label
from studio.ingest.faq_text import parse_faq
from studio.ingest.text_file import read_text
from studio.ui.package_controller import PackageController


def import_into(parent: QWidget, controller: PackageController, piece: str) -> None:
    if piece == "metadata":
        piece = POLICY
    name = piece_label(piece)
    pattern = "图解内容 (*.json)" if piece == EXPLAINER else "文本文件 (*.md *.markdown *.txt)"
    path, _ = QFileDialog.getOpenFileName(parent, f"导入{name}", str(Path.home()), pattern)
    if not path:
        return
    try:
        change = read_change(Path(path), piece)
    except StudioError as e:
        QMessageBox.warning(parent, f"无法导入{name}", e.message)
        return
    controller.apply(f"导入{name}", change)


def read_change(path: Path, piece: str):
    """Read and parse first: a file that cannot be read changes nothing."""
    if piece == EXPLAINER:
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as e:
            raise InvalidInput(f"图解内容文件“{path.name}”无法读取：{e}") from None
        return lambda p: edits.set_explainer(p, {k: data[k] for k in ("title", "subtitle", "sections") if k in data})
    text = read_text(path)
    if piece == FAQ:
        title, items = parse_faq(text)
        return lambda p: edits.set_faq(p, items, title or None)
    if piece == POLICY:
        return lambda p: edits.set_policy_body(p, text)
    return lambda p: edits.set_text_piece(p, piece, text)
