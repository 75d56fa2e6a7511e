"""Importing a file into the open package from the window: the same readers as `studio import`.

The file is read and parsed first; only then does one edit reach the working copy, so a file
that cannot be read changes nothing. Metadata the file states is offered, never imposed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from studio.domain.errors import StudioError
from studio.domain.metadata import label
from studio.domain.pieces import EXPLAINER, POLICY, piece_label
from studio.ui.package_controller import PackageController

PATTERNS = {
    EXPLAINER: "图解内容 (*.json)",
}
DOCUMENTS = "文档 (*.docx *.md *.markdown *.txt *.html *.htm)"


def import_into(parent: QWidget, controller: PackageController, piece: str) -> None:
    from studio.service import importing

    if piece == "metadata":
        piece = POLICY
    name = piece_label(piece)
    path, _ = QFileDialog.getOpenFileName(parent, f"导入{name}", str(Path.home()), PATTERNS.get(piece, DOCUMENTS))
    if not path:
        return
    try:
        prepared = importing.prepare(Path(path), piece)
        outcome, proposals, _ = importing.change(controller.package, prepared)
    except StudioError as e:
        QMessageBox.warning(parent, f"无法导入{name}", e.message)
        return
    if prepared.document is not None and prepared.document.media:
        # Images are written with the next save, so its audit event records them.
        controller.editor.stage_media([(m.name, m.data) for m in prepared.document.media])
    controller.apply(f"导入{name}", lambda _package: outcome)
    lines = list(prepared.notes)
    lines += [f"{label(p.key)}：{p.value}（当前为“{p.current or '空'}”，可在元数据页采纳）" for p in proposals]
    if lines:
        QMessageBox.information(parent, f"已导入{name}", "\n".join(lines[:20]))
