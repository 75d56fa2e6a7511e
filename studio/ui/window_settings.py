"""Window state kept between runs: typed accessors over one QSettings store."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from studio.paths import user_config_dir


def fitted(frame: QRect, inner: QSize, area: QRect) -> tuple[QSize, QPoint]:
    """The inner size and frame position that keep the whole frame (title bar included) inside `area`."""
    decoration = frame.size() - inner
    size = inner.boundedTo(area.size() - decoration)
    if size != inner:
        size = size.expandedTo(QSize(400, 300))
    width, height = size.width() + decoration.width(), size.height() + decoration.height()
    x = max(min(frame.x(), area.x() + area.width() - width), area.x())
    y = max(min(frame.y(), area.y() + area.height() - height), area.y())
    return size, QPoint(x, y)


def fit_on_screen(window: QWidget) -> None:
    """Move and shrink the window onto the screen it is (mostly) on, else the primary one.

    A saved position can point at a monitor that is no longer attached, or a size larger than
    a laptop's screen; the window must always open whole and reachable.
    """
    frame = window.frameGeometry()
    screen = QGuiApplication.screenAt(frame.center()) or QGuiApplication.primaryScreen()
    if screen is None:
        return
    size, position = fitted(frame, window.size(), screen.availableGeometry())
    if size != window.size():
        window.resize(size)
    if position != window.frameGeometry().topLeft():
        window.move(position)


class RefitWhenFramed(QObject):
    """Fits the window again once the window manager has put its frame around it.

    Before the window is first shown its frame is unknown (the same as the window), so a window
    fitted to a 1280×720 screen then got a title bar on top and lost its status bar below the
    screen's edge. The frame arrives with the window manager's first move; fit once then, unless
    the window was sized on purpose in the meantime.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._fitted = window.size()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        window = self._window
        if watched is window and event.type() in (QEvent.Type.Move, QEvent.Type.Resize) and window.isVisible():
            if window.size() != self._fitted:
                window.removeEventFilter(self)  # sized by the user or the program: theirs to keep
            elif window.frameGeometry().size() != window.size():
                window.removeEventFilter(self)
                QTimer.singleShot(0, self._refit)
        return False

    def _refit(self) -> None:
        if self._window.size() == self._fitted:
            fit_on_screen(self._window)


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
