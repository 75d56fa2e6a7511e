"""Start one desktop program and report when its window has been shown; used by bench_startup.py.

Every program is started the same way: its own entry point runs unchanged, and the
Qt binding's QApplication.exec is wrapped so that the first turn of the event loop
(when the main window is exposed) prints the time and quits.

    python startup_probe.py studio LIBRARY | retext | bare-pyside6 | same-widgets-pyside6

same-widgets-pyside6 is the floor for a window like the studio's: the same kinds and numbers of
widgets on its first screen (menus, toolbar, filter row, an 8-column table of four packages, three
docks, a status label) built straight from PySide6, with none of the studio's code or data.
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
    elif which == "same-widgets-pyside6":
        from PySide6 import QtCore, QtWidgets

        wrap_exec(QtWidgets, QtCore)
        window = same_widgets_window()  # kept: an unreferenced window would be deleted before it is shown
        window.show()
        QtWidgets.QApplication.instance().exec()
    else:
        raise SystemExit(f"unknown program {which}")


def same_widgets_window():
    """A main window with the studio's first-screen widgets and nothing behind them (see the module doc)."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtGui import QAction, QFont, QKeySequence
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QApplication,
        QComboBox,
        QDockWidget,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QStackedWidget,
        QTableView,
        QToolBar,
        QVBoxLayout,
        QWidget,
    )

    display = Qt.ItemDataRole.DisplayRole
    NO_PARENT = QModelIndex()  # noqa: N806

    class Packages(QAbstractTableModel):
        def rowCount(self, parent=NO_PARENT):  # noqa: N802
            return 0 if parent.isValid() else 4

        def columnCount(self, parent=NO_PARENT):  # noqa: N802
            return 0 if parent.isValid() else 8

        def data(self, index, role=display):
            return f"关于进一步做好高校毕业生就业工作的通知（{index.row()}-{index.column()}）" if role == display else None

        def headerData(self, section, orientation, role=display):  # noqa: N802
            return f"列{section}" if role == display and orientation == Qt.Orientation.Horizontal else None

    app = QApplication([])
    app.setFont(QFont("Noto Sans CJK SC", 10))
    window = QMainWindow()
    window.resize(1400, 900)
    window.setWindowTitle("政策解读工作室")
    actions = []
    for n in range(25):
        action = QAction(f"操作{n}", window)
        action.setShortcut(QKeySequence(f"Ctrl+Shift+{chr(ord('A') + n)}"))
        action.setToolTip(f"操作{n}的说明")
        actions.append(action)
    for title, count in (("文件(&F)", 11), ("编辑(&E)", 4), ("审核(&R)", 9), ("视图(&V)", 4)):
        menu = window.menuBar().addMenu(title)
        for action in actions[:count]:
            menu.addAction(action)
    toolbar = QToolBar("常用操作", window)
    for action in actions[:14]:
        toolbar.addAction(action)
    window.addToolBar(toolbar)
    page = QWidget()
    layout = QVBoxLayout(page)
    filters = QHBoxLayout()
    filters.addWidget(QLineEdit())
    states = QComboBox()
    states.addItems(["全部状态", "起草中", "待审核", "已发布"])
    filters.addWidget(states)
    layout.addLayout(filters)
    table = QTableView()
    table.setModel(Packages(table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    layout.addWidget(table)
    stack = QStackedWidget()
    stack.addWidget(page)
    window.setCentralWidget(stack)
    for area, title in ((Qt.DockWidgetArea.RightDockWidgetArea, "发布前检查"),
                        (Qt.DockWidgetArea.BottomDockWidgetArea, "审计记录"),
                        (Qt.DockWidgetArea.LeftDockWidgetArea, "待我处理")):
        dock = QDockWidget(title, window)
        dock.setWidget(QListWidget())
        window.addDockWidget(area, dock)
    window.statusBar().addPermanentWidget(QLabel("当前成员：基准用户"))
    return window


if __name__ == "__main__":
    main()
