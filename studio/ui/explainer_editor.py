"""The explainer editor: sections list, a form for the chosen section, the image rendered in the background."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.domain.metadata import Metadata
from studio.domain.pieces import ExplainerPiece
from studio.ui.section_text import CHARTS, LINE_HELP, SECTION_TYPES, lines_to_section, section_to_lines

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

        left = QWidget(splitter)
        lay = QVBoxLayout(left)
        head = QFormLayout()
        self.title = QLineEdit(left)
        self.title.setPlaceholderText("如 一图读懂《……》")
        self.subtitle = QLineEdit(left)
        self.theme = QComboBox(left)
        for key, name in (("", "默认（政务红）"), ("red", "政务红"), ("blue", "政务蓝"), ("high-contrast", "高对比度")):
            self.theme.addItem(name, key)
        self.width_box = QComboBox(left)
        self.width_box.addItem("1080 像素（通用长图）", 1080)
        self.width_box.addItem("750 像素（手机端）", 750)
        head.addRow("图解标题", self.title)
        head.addRow("副标题", self.subtitle)
        head.addRow("配色", self.theme)
        head.addRow("宽度", self.width_box)
        lay.addLayout(head)
        self.sections = QListWidget(left)
        self.sections.setAccessibleName("图解各部分")
        lay.addWidget(QLabel("各部分（按顺序排在长图中）", left))
        lay.addWidget(self.sections)
        row = QHBoxLayout()
        self.new_type = QComboBox(left)
        for key, name in SECTION_TYPES.items():
            self.new_type.addItem(name, key)
        self.add_button = QPushButton("添加", left)
        self.remove_button = QPushButton("删除", left)
        self.up_button = QPushButton("上移", left)
        self.down_button = QPushButton("下移", left)
        for w in (self.new_type, self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(w)
        lay.addLayout(row)

        form_box = QWidget(left)
        form = QFormLayout(form_box)
        self.heading = QLineEdit(form_box)
        self.chart = QComboBox(form_box)
        for key, name in CHARTS.items():
            self.chart.addItem(name, key)
        self.caption = QLineEdit(form_box)
        self.source = QLineEdit(form_box)
        self.lines = QPlainTextEdit(form_box)
        self.lines.setTabChangesFocus(True)
        self.help = QLabel(form_box)
        self.help.setWordWrap(True)
        form.addRow("小标题", self.heading)
        form.addRow("图表类型", self.chart)
        form.addRow("图表说明", self.caption)
        form.addRow("数据来源", self.source)
        form.addRow("内容", self.lines)
        form.addRow("", self.help)
        self.apply_button = QPushButton("应用修改", form_box)
        form.addRow("", self.apply_button)
        lay.addWidget(form_box)

        right = QWidget(splitter)
        rlay = QVBoxLayout(right)
        self.status = QLabel("修改后自动生成预览。", right)
        self.status.setWordWrap(True)
        rlay.addWidget(self.status)
        self.image = QLabel(right)
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image.setAccessibleName("图解预览")
        scroll = QScrollArea(right)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        rlay.addWidget(scroll)
        splitter.setSizes([520, 480])

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.render_preview)
        self.sections.currentRowChanged.connect(self._show_section)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.apply_button.clicked.connect(self._apply_section)
        self.title.editingFinished.connect(lambda: self._emit({"title": self.title.text()}))
        self.subtitle.editingFinished.connect(lambda: self._emit({"subtitle": self.subtitle.text()}))
        self.theme.activated.connect(lambda _: self._emit({"theme": self.theme.currentData()}))
        self.width_box.activated.connect(lambda _: self._emit({"width": self.width_box.currentData()}))

    # -- showing -------------------------------------------------------
    def show_piece(self, piece: ExplainerPiece, meta: Metadata) -> None:
        self._closed = False  # a package is shown: previews may run again
        changed = piece != self.piece or meta != self.meta
        self.piece, self.meta = piece, meta
        for edit, value in ((self.title, piece.title), (self.subtitle, piece.subtitle)):
            if edit.text() != value:
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
        kind = section.get("type", "") if section else ""
        self.heading.setText(section.get("heading", "") if section else "")
        self.lines.setPlainText(section_to_lines(section) if section else "")
        is_chart = kind == "chart"
        for w in (self.chart, self.caption, self.source):
            w.setEnabled(is_chart and not self.read_only)
        if is_chart and section:
            self.chart.setCurrentIndex(max(0, self.chart.findData(section.get("chart", "bar"))))
            self.caption.setText(section.get("caption", ""))
            self.source.setText(section.get("source", ""))
        self.help.setText(LINE_HELP.get(kind, "选择左侧的一部分进行编辑，或添加新的部分。"))

    # -- editing -------------------------------------------------------
    def _emit(self, data: dict) -> None:
        if not self.read_only and any(self.piece.to_dict().get(k) != v for k, v in data.items()):
            self.changed.emit(data)

    def _sections(self) -> list[dict]:
        return [dict(s) for s in self.piece.sections]

    def _add(self) -> None:
        kind = self.new_type.currentData()
        section = lines_to_section(kind, SECTION_TYPES[kind], "")
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

    def _apply_section(self) -> None:
        row = self.sections.currentRow()
        if row < 0:
            return
        sections = self._sections()
        kind = sections[row].get("type", "points")
        extra = {"chart": self.chart.currentData(), "caption": self.caption.text(), "source": self.source.text()}
        sections[row] = lines_to_section(kind, self.heading.text(), self.lines.toPlainText(), extra)
        self._emit({"sections": sections})

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for w in (self.title, self.subtitle, self.heading):
            w.setReadOnly(read_only)
        self.lines.setReadOnly(read_only)
        for control in (self.theme, self.width_box, self.new_type, self.add_button, self.remove_button,
                        self.up_button, self.down_button, self.apply_button):
            control.setEnabled(not read_only)

    # -- preview -------------------------------------------------------
    def render_preview(self) -> None:
        if self._closed:
            return
        if not self.piece.sections:
            self.image.clear()
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
            self.image.clear()
        else:
            target = min(480, image.width())
            self.image.setPixmap(QPixmap.fromImage(image).scaledToWidth(target, Qt.TransformationMode.SmoothTransformation))
            self.status.setText(f"预览：{image.width()}×{image.height()} 像素（缩小显示）。")
        if self._stale_preview:
            self._stale_preview = False
            self.render_preview()

    def wait_for_preview(self) -> None:
        """Stop scheduling previews and wait for the one running: a render thread must not
        outlive the editor (Qt aborts the process when a running QThread is destroyed)."""
        self._closed = True
        self._preview_timer.stop()
        self._stale_preview = False
        if self._renderer is not None:
            self._renderer.wait()
