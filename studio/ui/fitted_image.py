"""The explainer's long image, scaled to the width the preview pane has (at most 480 px), so a
narrow pane on a laptop shows the whole width and scrolls only down the picture."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QWidget

WIDEST = 480


class FittedImage(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setWidget(self.label)
        self._full = QPixmap()
        self._shown_width = 0

    def show_image(self, image: QImage) -> None:
        self._full = QPixmap.fromImage(image)
        self._shown_width = 0
        self._fit()

    def clear(self) -> None:
        self._full = QPixmap()
        self._shown_width = 0
        self.label.clear()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._full.isNull():
            return
        width = max(120, min(WIDEST, self._full.width(), self.viewport().width() - 8))
        if width != self._shown_width:  # scaling a 1080×6000 picture is not free: only when the width changes
            self._shown_width = width
            self.label.setPixmap(self._full.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
