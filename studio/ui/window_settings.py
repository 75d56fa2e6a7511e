"""Window state kept between runs: typed accessors over one QSettings store."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from studio.paths import user_config_dir


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
