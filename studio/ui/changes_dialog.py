"""The reviewer's evidence: what changed in each piece since an earlier version (this member's own last
review, the last submission, the last review, the last release), side by side (old and new paragraphs
paired) or inline, with the changed words marked. Only the versions the record holds are offered; the
others are named with the reason they are missing."""

from __future__ import annotations

from html import escape

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

from studio.domain.package import Package
from studio.domain.pieces import piece_label
from studio.service.review_bases import Basis, first_with_changes
from studio.service.review_changes import PieceChange, piece_texts
from studio.ui.diff_html import FIRST_CHANGE, runs_html, side_by_side_html
from studio.ui.wheel_guard import guard

SIDE_BY_SIDE, INLINE = "side", "inline"
VIEWS = ((SIDE_BY_SIDE, "并排对比（左旧右新）"), (INLINE, "行内标记"))
NOTHING_YET = "还没有可对比的版本：文件包提交审核、审核通过或发布后，这里会列出此后的修改。"
_PROBLEM = "color:#b3261e;"


class ChangesDialog(QDialog):
    def __init__(self, bases: list[Basis], package: Package, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("修改对比")
        self.package = package
        self.offered = [b for b in bases if b.exists]
        self.changes: list[PieceChange] = []
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.baseline = self._choice(row, "对比(&B)：", self._basis_items())
        self.view = self._choice(row, "显示(&V)：", VIEWS)
        self.since = QLabel(self)
        self.since.setWordWrap(True)
        row.addWidget(self.since, 1)
        layout.addLayout(row)
        missing = [b.absent for b in bases if not b.exists]
        self.missing = QLabel("未列出的对比：" + "；".join(missing) + "。" if missing else "", self)
        self.missing.setWordWrap(True)
        self.missing.setVisible(bool(missing))
        layout.addWidget(self.missing)
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
        default = first_with_changes(self.offered, package)
        if default is not None:
            self.baseline.setCurrentIndex(self.offered.index(default))
        self.baseline.currentIndexChanged.connect(lambda _: self.compare())
        self.view.currentIndexChanged.connect(lambda _: self._show_piece(self.pieces.currentRow()))
        self.pieces.currentRowChanged.connect(self._show_piece)
        self.resize(1000, 600)
        self.compare()
        self.pieces.setFocus()

    def _basis_items(self) -> tuple[tuple[str, str], ...]:
        now = piece_texts(self.package)
        return tuple((b.kind.value, b.label + ("（记录不符）" if b.problem else "（无改动）" if b.unchanged_by(now) else ""))
                     for b in self.offered)

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

    @property
    def basis(self) -> Basis | None:
        i = self.baseline.currentIndex()
        return self.offered[i] if 0 <= i < len(self.offered) else None

    def compare(self) -> None:
        basis = self.basis
        self.pieces.clear()
        self.changes = basis.changes(self.package) if basis is not None else []
        if basis is None:
            self.since.setText("")
            self.text.setHtml(f"<p>{NOTHING_YET}</p>")
            return
        self.since.setText(f"{basis.caption}，{basis.user}" if basis.user else basis.caption)
        if basis.then is None:
            self.text.setHtml(f"<p style='{_PROBLEM}'>{escape(basis.problem)}</p>")
            return
        for change in self.changes:
            n = change.changed_chars
            self.pieces.addItem(f"{piece_label(change.piece)}：" + (f"改动{n}字" if n else "无改动"))
        first = next((i for i, ch in enumerate(self.changes) if ch.changed_chars), 0)
        self.pieces.setCurrentRow(first)

    def _show_piece(self, row: int) -> None:
        basis = self.basis
        if basis is None or not 0 <= row < len(self.changes):
            return
        change = self.changes[row]
        if not change.changed_chars:
            self.text.setHtml("<p>这部分没有改动。</p>")
        elif self.view.currentData() == SIDE_BY_SIDE:
            self.text.setHtml(side_by_side_html(change, basis.caption, "现在"))
        else:
            self.text.setHtml(runs_html(change.runs, change.new_place))
        if change.changed_chars:
            self.text.scrollToAnchor(FIRST_CHANGE)  # the reviewer starts at the first change
