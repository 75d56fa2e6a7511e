"""The reviewer's evidence: what changed in each piece since the last submission or the last review,
inline at character level (removed words struck through in red, added words underlined in green)."""

from __future__ import annotations

from html import escape
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
from studio.domain.text_diff import Op, Run
from studio.service.review_changes import Comparison, changes_since
from studio.ui.wheel_guard import guard

BASELINES = ((workflow.SUBMIT, "上次提交审核时"), (workflow.REVIEW, "上次审核通过时"))
_STYLE = {Op.REMOVED: "color:#b3261e; text-decoration: line-through; background:#fdecea;",
          Op.ADDED: "color:#1b6e3a; text-decoration: underline; background:#e6f4ea;"}


def runs_html(runs: list[Run]) -> str:
    parts = []
    for run in runs:
        text = escape(run.text).replace("\n", "<br>")
        parts.append(f'<span style="{_STYLE[run.op]}">{text}</span>' if run.op in _STYLE else text)
    return "<p style='line-height:160%'>" + "".join(parts) + "</p>"


class ChangesDialog(QDialog):
    def __init__(self, folder: Path, package: Package, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("修改对比")
        self.folder, self.package = folder, package
        self.comparison: Comparison | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.baseline = QComboBox(self)
        guard(self.baseline)
        for action, label in BASELINES:
            self.baseline.addItem(label, action)
        row.addWidget(QLabel("对比：", self))
        row.addWidget(self.baseline)
        self.since = QLabel(self)
        row.addWidget(self.since, 1)
        layout.addLayout(row)
        splitter = QSplitter(self)
        self.pieces = QListWidget(splitter)
        self.pieces.setAccessibleName("各材料的修改")
        self.text = QTextBrowser(splitter)
        self.text.setAccessibleName("修改内容")
        splitter.setSizes([220, 640])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.baseline.currentIndexChanged.connect(lambda _: self.compare())
        self.pieces.currentRowChanged.connect(self._show_piece)
        self.resize(900, 560)
        self.compare()

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
        self.text.setHtml(runs_html(change.runs) if change.changed_chars else "<p>这部分没有改动。</p>")
