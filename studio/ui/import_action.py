"""Importing a file into the open package from the window: the same readers as `studio import`.

The file is read and parsed first; only then does one edit reach the working copy, so a file
that cannot be read changes nothing. Metadata the file states is offered, never imposed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from studio.domain.errors import StudioError
from studio.domain.metadata import label
from studio.domain.pieces import EXPLAINER, POLICY, piece_label
from studio.ui import file_dialogs
from studio.ui.package_controller import PackageController

PATTERNS = {
    EXPLAINER: "图解内容 (*.json)",
}
DOCUMENTS = "文档 (*.docx *.md *.markdown *.txt *.html *.htm)"


def import_into(parent: QWidget, controller: PackageController, piece: str) -> None:
    from studio.service import importing
    from studio.store.media_files import add_media

    if piece == "metadata":
        piece = POLICY
    name = piece_label(piece)
    path = file_dialogs.open_file(parent, f"导入{name}", str(Path.home()), PATTERNS.get(piece, DOCUMENTS))
    if not path:
        return
    try:
        prepared = importing.prepare(Path(path), piece)
        outcome, proposals, _ = importing.change(controller.package, prepared)
    except StudioError as e:
        QMessageBox.warning(parent, f"无法导入{name}", e.message)
        return
    if prepared.document is not None and prepared.document.media:
        # Images are stored under their content hash: adding them twice or undoing leaves nothing wrong.
        add_media(controller.editor.folder, [(m.name, m.data) for m in prepared.document.media])
    controller.apply(f"导入{name}", lambda _package: outcome)
    lines = list(prepared.notes)
    lines += [f"{label(p.key)}：{p.value}（当前为“{p.current or '空'}”，可在元数据页采纳）" for p in proposals]
    if lines:
        QMessageBox.information(parent, f"已导入{name}", "\n".join(lines[:20]))
