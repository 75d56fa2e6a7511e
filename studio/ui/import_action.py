"""Importing a file into the open package from the window: the same readers as `studio import`.

The file is read and parsed off the window's thread first; only then does one edit reach the
working copy, so a file that cannot be read changes nothing. Metadata the file states is
offered on the metadata page (采纳), never imposed; the save records the file's name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from studio.domain.errors import StudioError
from studio.domain.pieces import EXPLAINER, POLICY, piece_label
from studio.ingest.metadata_proposals import Proposal
from studio.ui import file_dialogs
from studio.ui.background_import import run_import
from studio.ui.package_controller import PackageController

DOCUMENTS = "文档 (*.docx *.doc *.wps *.rtf *.odt *.pdf *.ofd *.md *.markdown *.txt *.html *.htm *.png *.jpg *.jpeg *.tif *.tiff)"
# The explainer takes its sections from a .json content file, or from a drafted text's headings.
PATTERNS = {
    EXPLAINER: f"图解内容 (*.json);;按小标题分部分的{DOCUMENTS}",
}


def import_into(parent: QWidget, controller: PackageController, piece: str,
                offer: Callable[[list[Proposal], str], None] | None = None) -> None:
    if piece == "metadata":
        piece = POLICY
    name = piece_label(piece)
    path = file_dialogs.open_file(parent, f"导入{name}", str(Path.home()), PATTERNS.get(piece, DOCUMENTS))
    if path:
        import_path(parent, controller, piece, Path(path), offer)


def import_path(parent: QWidget, controller: PackageController, piece: str, path: Path,
                offer: Callable[[list[Proposal], str], None] | None = None) -> None:
    from studio.service import importing

    name = piece_label(piece)
    run_import(parent, f"正在读取“{path.name}”……", lambda: importing.prepare(path, piece),
               lambda prepared: _apply(parent, controller, prepared, offer),
               lambda message: QMessageBox.warning(parent, f"无法导入{name}", message))


def _apply(parent: QWidget, controller: PackageController, prepared,
           offer: Callable[[list[Proposal], str], None] | None) -> None:
    from studio.service import importing

    name = piece_label(prepared.piece)
    if getattr(parent, "controller", controller) is not controller:
        QMessageBox.warning(parent, f"未导入{name}", f"读取“{prepared.source}”期间文件包已关闭，没有导入任何内容。")
        return
    try:
        outcome, proposals, _ = importing.change(controller.package, prepared)
    except StudioError as e:
        QMessageBox.warning(parent, f"无法导入{name}", e.message)
        return
    if prepared.document is not None and prepared.document.media:
        # Images are written with the next save, so its audit event records them.
        controller.editor.stage_media([(m.name, m.data) for m in prepared.document.media])
    controller.apply(f"导入{name}", lambda _package: outcome)
    controller.editor.imported_from.append(prepared.source)
    if proposals and offer is not None:
        offer(proposals, prepared.source)
    lines = list(prepared.notes)
    if proposals:
        lines.append(f"文件中识别到 {len(proposals)} 项元数据，已列在元数据页各项下方，可逐项“采纳”。")
    if lines:
        QMessageBox.information(parent, f"已导入{name}", "\n".join(lines[:20]))
