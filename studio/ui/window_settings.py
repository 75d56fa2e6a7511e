"""Window state kept between runs: typed accessors over one QSettings store."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from studio.paths import user_config_dir


def fit_on_screen(window: QWidget) -> None:
    """Move and shrink the window onto the screen it is (mostly) on, else the primary one.

    A saved position can point at a monitor that is no longer attached, or a size larger than
    a laptop's screen; the window must always open whole and reachable.
    """
    frame = window.frameGeometry()
    screen = QGuiApplication.screenAt(frame.center()) or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    decoration = frame.size() - window.size()
    size = window.size().boundedTo(area.size() - decoration)
    if size != window.size():
        window.resize(size.expandedTo(QSize(400, 300)))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.x() + area.width() - frame.width())
    y = min(max(frame.y(), area.y()), area.y() + area.height() - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(QPoint(max(x, area.x()), max(y, area.y())))


class WindowSettings:
    def __init__(self) -> None:
        path = user_config_dir() / "window.ini"
        self._s = QSettings(str(path), QSettings.Format.IniFormat)

    def geometry(self) -> QByteArray | None:
        value = self._s.value("main/geometry")
        return value if isinstance(value, QByteArray) else None

    def state(self) -> QByteArray | None:
        value = self._s.value("main/state")
        return value if isinstance(value, QByteArray) else None

    def save(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("main/geometry", geometry)
        self._s.setValue("main/state", state)
        self._s.sync()
