"""The explainer editor: sections list, a form for the chosen section, the image rendered in the background."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.domain.metadata import Metadata
from studio.domain.pieces import ExplainerPiece
from studio.ui.column_scroll import ColumnScroll
from studio.ui.fitted_image import FittedImage
from studio.ui.section_form import SectionForm
from studio.ui.section_text import SECTION_TYPES, new_section
from studio.ui.typing_commit import TypingCommit
from studio.ui.wheel_guard import guard

PREVIEW_DELAY_MS = 800


class PreviewRenderer(QThread):
    """Draws the long image off the UI thread; matplotlib is loaded here, never at start-up."""

    done = Signal(QImage, str)

    def __init__(self, piece: ExplainerPiece, meta: Metadata, parent: QObject | None = None):
        super().__init__(parent)
        self.piece, self.meta = piece, meta

    def run(self) -> None:
        try:
            from studio.render.explainer import prepare, render_page

            image = render_page(prepare(self.piece, self.meta)).image.convert("RGB")
            data = image.tobytes()
            qimage = QImage(data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888).copy()
            self.done.emit(qimage, "")
        except Exception as e:  # a Chinese reason from the renderer, shown instead of the image
            self.done.emit(QImage(), getattr(e, "message", str(e)))


class ExplainerEditor(QWidget):
    changed = Signal(dict)  # the explainer fields that changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.piece = ExplainerPiece()
        self.meta = Metadata()
        self.read_only = False
        self._renderer: PreviewRenderer | None = None
        self._stale_preview = False
        self._closed = False
        outer = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(splitter)

        # The form scrolls at 720 px rather than squeezing its fields (or growing the window),
        # and only up and down: the splitter never makes it narrower than its widest row.
        left_scroll = self.form_scroll = ColumnScroll(splitter)
        left = QWidget(left_scroll)
        left_scroll.setWidget(left)
        lay = QVBoxLayout(left)
        head = QFormLayout()
        self.title = QLineEdit(left)
        self.title.setPlaceholderText("如 一图读懂《……》")
        self.subtitle = QLineEdit(left)
        self.theme = QComboBox(left)
        guard(self.theme)
        for key, name in (("", "默认（政务红）"), ("red", "政务红"), ("blue", "政务蓝"), ("high-contrast", "高对比度")):
            self.theme.addItem(name, key)
        self.width_box = QComboBox(left)
        guard(self.width_box)
        self.width_box.addItem("1080 像素（通用长图）", 1080)
        self.width_box.addItem("750 像素（手机端）", 750)
        head.addRow("图解标题", self.title)
        head.addRow("副标题", self.subtitle)
        head.addRow("配色", self.theme)
        head.addRow("宽度", self.width_box)
        lay.addLayout(head)
        self.sections = QListWidget(left)
        self.sections.setAccessibleName("图解各部分")
        self.sections.setMinimumHeight(110)
        lay.addWidget(QLabel("各部分（按顺序排在长图中）", left))
        # The list with its order buttons in a column beside it; adding a kind on its own row below,
        # so the column stays narrow enough for a laptop beside the preview.
        listed = QHBoxLayout()
        listed.addWidget(self.sections, 1)
        order = QVBoxLayout()
        self.up_button = QPushButton("上移", left)
        self.down_button = QPushButton("下移", left)
        self.remove_button = QPushButton("删除", left)
        for button, tip in ((self.up_button, "所选部分在长图中前移一位"), (self.down_button, "所选部分在长图中后移一位"),
                            (self.remove_button, "删除所选部分")):
            button.setToolTip(tip)
            order.addWidget(button)
        order.addStretch(1)
        listed.addLayout(order)
        lay.addLayout(listed)
        row = QHBoxLayout()
        self.new_type = QComboBox(left)
        self.new_type.setAccessibleName("新部分的类型")
        guard(self.new_type)
        for key, name in SECTION_TYPES.items():
            self.new_type.addItem(name, key)
        self.add_button = QPushButton("添加", left)
        self.add_button.setToolTip("在最后添加一个所选类型的部分")
        row.addWidget(QLabel("新的部分", left))
        row.addWidget(self.new_type, 1)
        row.addWidget(self.add_button)
        lay.addLayout(row)

        self.section_form = SectionForm(left)
        lay.addWidget(self.section_form)
        lay.addStretch(1)

        right = QWidget(splitter)
        rlay = QVBoxLayout(right)
        self.status = QLabel("修改后自动生成预览。", right)
        self.status.setWordWrap(True)
        rlay.addWidget(self.status)
        self.picture = FittedImage(right)
        self.image = self.picture.label
        self.image.setAccessibleName("图解预览")
        rlay.addWidget(self.picture)
        # The form gets the room a laptop has to spare; the preview is a scaled picture and takes the rest.
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([600, 400])

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.render_preview)
        self.sections.currentRowChanged.connect(self._show_section)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.section_form.edited.connect(self._section_edited)
        self._typed: dict[str, TypingCommit] = {}
        for edit, key in ((self.title, "title"), (self.subtitle, "subtitle")):
            self._typed[key] = TypingCommit(edit, self._line_committer(edit, key))
            edit.editingFinished.connect(self._typed[key].left)
        self.theme.activated.connect(lambda _: self._emit({"theme": self.theme.currentData()}))
        self.width_box.activated.connect(lambda _: self._emit({"width": self.width_box.currentData()}))

    # -- showing -------------------------------------------------------
    def show_piece(self, piece: ExplainerPiece, meta: Metadata) -> None:
        self._closed = False  # a package is shown: previews may run again
        changed = piece != self.piece or meta != self.meta
        self.piece, self.meta = piece, meta
        for edit, key, value in ((self.title, "title", piece.title), (self.subtitle, "subtitle", piece.subtitle)):
            if edit.text() != value and not self._typed[key].pending:  # typed words are never overwritten
                edit.setText(value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(piece.theme)))
        self.width_box.setCurrentIndex(max(0, self.width_box.findData(piece.width)))
        row = self.sections.currentRow()
        labels = [f"{n}. {SECTION_TYPES.get(s.get('type', ''), s.get('type', '?'))} · {s.get('heading', '')}"
                  for n, s in enumerate(piece.sections, 1)]
        if labels != [self.sections.item(i).text() for i in range(self.sections.count())]:
            self.sections.blockSignals(True)
            self.sections.clear()
            self.sections.addItems(labels)
            self.sections.blockSignals(False)
        self.sections.setCurrentRow(min(max(row, 0), len(labels) - 1) if labels else -1)
        self._show_section(self.sections.currentRow())
        if changed:
            self._preview_timer.start()

    def _show_section(self, row: int) -> None:
        section = self.piece.sections[row] if 0 <= row < len(self.piece.sections) else None
        self.section_form.show_section(dict(section) if section else None)

    # -- editing -------------------------------------------------------
    def _emit(self, data: dict) -> None:
        if not self.read_only and any(self.piece.to_dict().get(k) != v for k, v in data.items()):
            self.changed.emit(data)

    def _sections(self) -> list[dict]:
        return [dict(s) for s in self.piece.sections]

    def _add(self) -> None:
        kind = self.new_type.currentData()
        section = new_section(kind)
        self._emit({"sections": self._sections() + [section]})
        self.sections.setCurrentRow(len(self.piece.sections) - 1)

    def _remove(self) -> None:
        row = self.sections.currentRow()
        if row >= 0:
            sections = self._sections()
            del sections[row]
            self._emit({"sections": sections})

    def _move(self, step: int) -> None:
        row, sections = self.sections.currentRow(), self._sections()
        target = row + step
        if row >= 0 and 0 <= target < len(sections):
            sections[row], sections[target] = sections[target], sections[row]
            self._emit({"sections": sections})
            self.sections.setCurrentRow(target)

    def _section_edited(self, section: dict) -> None:
        row = self.sections.currentRow()
        if row < 0 or row >= len(self.piece.sections):
            return
        sections = self._sections()
        sections[row] = section
        self._emit({"sections": sections})

    def _line_committer(self, edit: QLineEdit, key: str) -> Callable[[bool], None]:
        def commit(final: bool) -> None:
            self._emit({key: edit.text()})
        return commit

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for line in (self.title, self.subtitle):
            line.setReadOnly(read_only)
        self.section_form.set_read_only(read_only)
        for control in (self.theme, self.width_box, self.new_type, self.add_button, self.remove_button,
                        self.up_button, self.down_button):
            control.setEnabled(not read_only)

    # -- preview -------------------------------------------------------
    def render_preview(self) -> None:
        if self._closed:
            return
        if not self.piece.sections:
            self.picture.clear()
            self.status.setText("还没有图解内容。添加各部分后会在这里显示长图预览。")
            return
        if self._renderer is not None and self._renderer.isRunning():
            self._stale_preview = True
            return
        self.status.setText("正在生成预览…")
        self._renderer = PreviewRenderer(self.piece, self.meta, self)
        self._renderer.done.connect(self._preview_ready)
        self._renderer.start()

    def _preview_ready(self, image: QImage, error: str) -> None:
        if error:
            self.status.setText(error)
            self.picture.clear()
        else:
            self.picture.show_image(image)
            self.status.setText(f"预览：{image.width()}×{image.height()} 像素（缩小显示）。")
        if self._stale_preview:
            self._stale_preview = False
            self.render_preview()

    def shutdown(self) -> None:
        """No preview may start or run once the package is closed."""
        self._preview_timer.stop()
        self._stale_preview = False
        self.wait_for_preview()

    def wait_for_preview(self) -> None:
        """Stop scheduling previews and wait for the one running: a render thread must not
        outlive the editor (Qt aborts the process when a running QThread is destroyed)."""
        self._closed = True
        self._preview_timer.stop()
        self._stale_preview = False
        if self._renderer is not None:
            self._renderer.wait()
