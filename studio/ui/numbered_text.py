"""A plain-text editor with paragraph numbers in its margin, counted as the checks count them.

Findings cite “政策解读第6段”: the sixth non-empty line. The margin numbers exactly those lines, so
the drafter finds the paragraph a finding names without counting.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

MARGIN_COLOUR = QColor("#f3f3f3")
NUMBER_COLOUR = QColor("#8a8a8a")


class _Margin(QWidget):
    def __init__(self, editor: NumberedTextEdit):
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.editor.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self.editor.paint_margin(event)


class NumberedTextEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.margin = _Margin(self)
        self.margin.setAccessibleName("段落编号")
        self.blockCountChanged.connect(lambda _: self._update_width())
        self.updateRequest.connect(self._update_margin)
        self.textChanged.connect(self.margin.update)
        self._update_width()

    def paragraph_number(self, block_number: int) -> int | None:
        """The paragraph number the checks give the block, or None for an empty line."""
        block = self.document().findBlockByNumber(block_number)
        if not block.isValid() or not block.text().strip():
            return None
        n, current = 0, self.document().begin()
        while current.isValid() and current.blockNumber() <= block_number:
            if current.text().strip():
                n += 1
            current = current.next()
        return n

    def margin_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * max(2, digits)

    def _update_width(self) -> None:
        self.setViewportMargins(self.margin_width(), 0, 0, 0)

    def _update_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        area = self.contentsRect()
        self.margin.setGeometry(QRect(area.left(), area.top(), self.margin_width(), area.height()))

    def paint_margin(self, event: QPaintEvent) -> None:
        painter = QPainter(self.margin)
        painter.fillRect(event.rect(), MARGIN_COLOUR)
        painter.setPen(NUMBER_COLOUR)
        block = self.firstVisibleBlock()
        # Paragraphs before the first visible block, counted once.
        n, counted = 0, self.document().begin()
        while counted.isValid() and counted.blockNumber() < block.blockNumber():
            n += bool(counted.text().strip())
            counted = counted.next()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.text().strip():
                n += 1
                if block.isVisible() and bottom >= event.rect().top():
                    painter.drawText(0, top, self.margin.width() - 5, height, Qt.AlignmentFlag.AlignRight, str(n))
            block, top = block.next(), bottom
        painter.end()
