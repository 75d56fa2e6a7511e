"""Starting the desktop studio."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from studio import APP_NAME, __version__
from studio.paths import assets_dir, demo_library_dir, is_bundled_demo
from studio.service.user_profile import UserSettings
from studio.ui.fonts import application_font
from studio.ui.main_window import MainWindow


def choose_library(requested: str | None, user: UserSettings) -> Path:
    """The library asked for, else the last one used, else the demo; the shipped demo is
    never opened itself, only the user's copy of it."""
    if requested:
        return demo_library_dir() if is_bundled_demo(Path(requested)) else Path(requested)
    for recent in user.recent_libraries:
        if Path(recent).is_dir() and not is_bundled_demo(Path(recent)):
            return Path(recent)
    return demo_library_dir()


def install_qt_translation(app: QApplication) -> None:
    """Qt's own texts (file dialogs, standard buttons, context menus) in Simplified Chinese; once per application."""
    if app.property("qt_translation"):
        return
    app.setProperty("qt_translation", True)
    # Qt's words for things it formats itself (a file's type in the file dialogs, numbers, dates)
    # follow the default locale, which is the system's: on an English desktop they were English.
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    from studio.ui.qt_words import MissingQtWords

    app.installTranslator(MissingQtWords(app))


def application_font_missing(app: QApplication) -> bool:
    return not app.property("cjk_font")


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    assert existing is None or isinstance(existing, QApplication)  # the studio's widgets need a QApplication
    app = existing or QApplication(argv or sys.argv[:1])
    install_qt_translation(app)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("PolicyStudio")
    font = application_font()
    if font is not None:
        app.setFont(font)
        app.setProperty("cjk_font", font.family())
    icon = assets_dir() / "icons" / "studio.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def ensure_user(user: UserSettings) -> bool:
    """Ask the user's name and office at first run; they go into every audit event."""
    if user.name.strip():
        return True
    from studio.ui.dialogs import UserDialog

    dialog = UserDialog("", user.office)  # never the login name: the audit trail needs the person's name
    try:
        if dialog.exec() != dialog.DialogCode.Accepted:
            return False
        user.name, user.office = dialog.name.text().strip(), dialog.office.text().strip()
    finally:
        dialog.deleteLater()
    user.save()
    return True


def run(library: str | None = None) -> int:
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = create_application()
    if application_font_missing(app):
        QMessageBox.warning(None, APP_NAME, "没有找到中文字体，界面中的中文可能无法显示。请安装 fonts-noto-cjk 后重新启动。")
    user = UserSettings.load()
    root = choose_library(library, user)
    if not root.is_dir():
        QMessageBox.warning(None, APP_NAME, f"文件库“{root}”不存在，将打开示例文件库。")
        root = demo_library_dir()
    from studio.service.roster_presence import has_roster

    signs_in = has_roster(root)
    if not signs_in and not ensure_user(user):  # a library with a roster asks who you are at sign-in
        return 1
    window = MainWindow(root, user)
    window.show()
    if signs_in and not os.environ.get(EXIT_WHEN_READY):
        # Sign in once the library is on screen; cancelling leaves it readable.
        window.start.then(window.switch_member)
    if os.environ.get(EXIT_WHEN_READY):
        _exit_when_listed(app, window)
    from studio.ui.session_end import end_on_terminate

    end_on_terminate(app, window)
    return app.exec()


# Set by the packaged app's smoke test: quit cleanly once the library is listed.
EXIT_WHEN_READY = "STUDIO_EXIT_WHEN_READY"


def _exit_when_listed(app: QApplication, window: MainWindow) -> None:
    def check() -> None:
        scanning = window.scanner is not None and not window.scanner.isFinished()
        if window.library_page.model.rowCount() > 0 and not scanning:
            print(f"ready {window.library_page.model.rowCount()} packages", flush=True)
            window.close()
            app.quit()
        else:
            QTimer.singleShot(20, check)

    QTimer.singleShot(0, check)
