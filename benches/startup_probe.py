"""Start one desktop program and report when its window has been shown; used by bench_startup.py.

Every program is started the same way: its own entry point runs unchanged, and the
Qt binding's QApplication.exec is wrapped so that the first turn of the event loop
(when the main window is exposed) prints the time and quits.

    python startup_probe.py studio LIBRARY | retext | bare-pyside6
"""

from __future__ import annotations

import os
import sys
import time

START = time.perf_counter()


def exposed(qt_widgets) -> bool:
    """A top-level window the display has actually shown (offscreen: shown is enough)."""
    for widget in qt_widgets.QApplication.topLevelWidgets():
        handle = widget.windowHandle()
        if widget.isVisible() and handle is not None and handle.isExposed():
            return True
    return False


def wrap_exec(qt_widgets, qt_core, ready=None) -> None:
    ready = ready or (lambda: exposed(qt_widgets))
    original = qt_widgets.QApplication.exec

    def exec_and_report(self=None, *args):
        app = qt_widgets.QApplication.instance()

        def check():
            if ready():
                print(f"shown {time.perf_counter() - START:.4f}", flush=True)
                os._exit(0)
            qt_core.QTimer.singleShot(5, check)

        qt_core.QTimer.singleShot(0, check)
        try:
            return original()
        except TypeError:  # bindings differ on whether exec is static
            return original(app)

    qt_widgets.QApplication.exec = exec_and_report


def main() -> None:
    which = sys.argv[1]
    if which == "studio":
        from PySide6 import QtCore, QtWidgets

        def library_listed() -> bool:
            for widget in QtWidgets.QApplication.topLevelWidgets():
                page = getattr(widget, "library_page", None)
                handle = widget.windowHandle()
                if page is not None and widget.isVisible() and handle is not None and handle.isExposed():
                    return page.model.rowCount() > 0
            return False

        wrap_exec(QtWidgets, QtCore, library_listed)
        from studio.cli.main import main as studio_main

        studio_main(["gui", sys.argv[2]])
    elif which == "retext":
        from PyQt6 import QtCore, QtWidgets

        wrap_exec(QtWidgets, QtCore)
        sys.argv = ["retext"]
        from ReText.__main__ import main as retext_main

        retext_main()
    elif which == "bare-pyside6":
        from PySide6 import QtCore, QtWidgets

        wrap_exec(QtWidgets, QtCore)
        app = QtWidgets.QApplication([])
        window = QtWidgets.QMainWindow()
        window.setWindowTitle("bare")
        window.show()
        app.exec()
    else:
        raise SystemExit(f"unknown program {which}")


if __name__ == "__main__":
    main()
