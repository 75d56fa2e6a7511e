"""The reviewer's evidence: what changed in each piece since the last submission or the last review,
side by side (old and new paragraphs paired) or inline, with the changed words marked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studio.domain import workflow_actions as workflow
from studio.domain.moments import readable_moment
from studio.domain.package import Package
from studio.domain.pieces import piece_label
from studio.service.review_changes import Comparison, changes_since
from studio.ui.diff_html import FIRST_CHANGE, runs_html, side_by_side_html
from studio.ui.wheel_guard import guard

BASELINES = ((workflow.SUBMIT, "上次提交审核时"), (workflow.REVIEW, "上次审核通过时"))
SIDE_BY_SIDE, INLINE = "side", "inline"
VIEWS = ((SIDE_BY_SIDE, "并排对比（左旧右新）"), (INLINE, "行内标记"))


class ChangesDialog(QDialog):
    def __init__(self, folder: Path, package: Package, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("修改对比")
        self.folder, self.package = folder, package
        self.comparison: Comparison | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.baseline = self._choice(row, "对比(&B)：", BASELINES)
        self.view = self._choice(row, "显示(&V)：", VIEWS)
        self.since = QLabel(self)
        self.since.setWordWrap(True)
        row.addWidget(self.since, 1)
        layout.addLayout(row)
        splitter = QSplitter(self)
        self.pieces = QListWidget(splitter)
        self.pieces.setAccessibleName("各材料的修改")
        self.text = QTextBrowser(splitter)
        self.text.setAccessibleName("修改内容")
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 760])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.baseline.currentIndexChanged.connect(lambda _: self.compare())
        self.view.currentIndexChanged.connect(lambda _: self._show_piece(self.pieces.currentRow()))
        self.pieces.currentRowChanged.connect(self._show_piece)
        self.resize(1000, 600)
        self.compare()
        self.pieces.setFocus()

    def _choice(self, row: QHBoxLayout, caption: str, items: tuple[tuple[str, str], ...]) -> QComboBox:
        combo = QComboBox(self)
        guard(combo)
        for data, text in items:
            combo.addItem(text, data)
        label = QLabel(caption, self)
        label.setBuddy(combo)  # Alt+B / Alt+V reach the choice from the keyboard
        row.addWidget(label)
        row.addWidget(combo)
        return combo

    def compare(self) -> None:
        self.comparison = changes_since(self.folder, self.package, self.baseline.currentData())
        self.pieces.clear()
        if self.comparison is None:
            self.since.setText("")
            self.text.setHtml("<p>还没有这一节点的记录：文件包提交审核或审核通过后，这里会列出此后的修改。</p>")
            return
        c = self.comparison.since
        self.since.setText(f"{readable_moment(c.at)}（{c.user}）")
        for change in self.comparison.pieces:
            n = change.changed_chars
            self.pieces.addItem(f"{piece_label(change.piece)}：" + (f"改动{n}字" if n else "无改动"))
        first = next((i for i, ch in enumerate(self.comparison.pieces) if ch.changed_chars), 0)
        self.pieces.setCurrentRow(first)

    def _show_piece(self, row: int) -> None:
        if self.comparison is None or not 0 <= row < len(self.comparison.pieces):
            return
        change = self.comparison.pieces[row]
        if not change.changed_chars:
            self.text.setHtml("<p>这部分没有改动。</p>")
        elif self.view.currentData() == SIDE_BY_SIDE:
            then = f"{self.baseline.currentText()}（{readable_moment(self.comparison.since.at)}）"
            self.text.setHtml(side_by_side_html(change.rows, then, "现在"))
        else:
            self.text.setHtml(runs_html(change.runs))
        if change.changed_chars:
            self.text.scrollToAnchor(FIRST_CHANGE)  # the reviewer starts at the first change
