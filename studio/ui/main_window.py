"""The main window: the library, the package editor, the checklist and the audit trail.

Start-up builds only the library side: the library page, the menus and the docks' empty
frames. Everything a package needs (its editor, signing, the rules, reading office files)
is imported where it is first used, so the library shows as soon as a bare window would.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget

from studio import APP_NAME
from studio.domain.errors import StudioError
from studio.domain.states import State
from studio.service.clock import now
from studio.ui.actions import WORKFLOW_KEYS, build_actions
from studio.ui.checklist_dock import ChecklistDock
from studio.ui.history_dock import HistoryDock
from studio.ui.library_model import LibraryScanner
from studio.ui.library_page import LibraryPage
from studio.ui.member_actions import member_label, role_note, show_roster
from studio.ui.review_actions import install_review_actions
from studio.ui.session_end import end_session
from studio.ui.settings_action import open_library_settings
from studio.ui.window_menus import build_menus
from studio.ui.window_settings import RefitWhenFramed, WindowSettings, fit_on_screen
from studio.ui.window_start import WindowStart
from studio.ui.work_dock import WorkDock

if TYPE_CHECKING:
    from studio.domain.findings import Finding
    from studio.service.actor import Actor
    from studio.service.user_profile import UserSettings
    from studio.ui.package_controller import PackageController
    from studio.ui.package_page import PackagePage


class MainWindow(QMainWindow):
    # The window's actions by key. The name hides QWidget.actions(), which nothing in the studio
    # calls; tests and other modules use `window.actions[key]`, so it is kept.
    actions: dict[str, QAction]  # type: ignore[assignment]

    def __init__(self, library: Path, user: UserSettings, member: Actor | None = None):
        super().__init__()
        self.user = user
        self.member = member  # the signed-in member; asked for at the first change
        self.library_root = Path(library)
        self.controller: PackageController | None = None
        self.scanner: LibraryScanner | None = None
        self.window_settings = WindowSettings()
        self.setWindowTitle(APP_NAME)
        self.resize(1400, 900)

        self.actions = build_actions(self)
        self.library_page = LibraryPage(self)
        self._package_page: PackagePage | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.library_page)
        self.setCentralWidget(self.stack)
        self.checklist = ChecklistDock(self)
        self.history = HistoryDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checklist)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.history)
        self.work = WorkDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.work)
        self.user_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.user_label)
        self.recent_menu = build_menus(self)
        self._connect()
        self._restore_window_state()
        self.start = WindowStart(self)  # keyboard routing, drops and sign-in once the library is on screen
        self._show_user()
        self.open_library(self.library_root)
        self._update_actions()

    # -- construction ------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions
        a["new"].triggered.connect(self.new_package)
        a["new_from_file"].triggered.connect(self.new_from_file)
        a["open_library"].triggered.connect(self.choose_library)
        a["library"].triggered.connect(self.back_to_library)
        a["save"].triggered.connect(self.save)
        a["undo"].triggered.connect(lambda: self._undo(True))
        a["redo"].triggered.connect(lambda: self._undo(False))
        a["import"].triggered.connect(self.import_file)
        install_review_actions(self)
        a["export"].triggered.connect(self.export)
        a["recheck"].triggered.connect(lambda: self.controller.recheck() if self.controller is not None else None)
        a["user"].triggered.connect(self.switch_member)
        a["roster"].triggered.connect(lambda: show_roster(self))
        a["settings"].triggered.connect(lambda: open_library_settings(self))
        self.work.open_package.connect(self.open_package)
        a["quit"].triggered.connect(self.close)
        for key in WORKFLOW_KEYS:
            a[key].triggered.connect(lambda _=False, k=key: self.run_transition(k))
        self.library_page.open_package.connect(self.open_package)
        self.library_page.selected.connect(self._library_selection)
        self.checklist.navigate.connect(self._navigate)

    def _navigate(self, finding: Finding) -> None:
        if self._package_page is not None and self.controller is not None:
            self._package_page.focus(finding.piece, finding.field, finding.span)

    @property
    def package_page(self) -> PackagePage:
        """The editor is built when the first package is opened: the library shows without it."""
        if self._package_page is None:
            from studio.ui.package_page import PackagePage

            page = PackagePage(self)
            self.stack.addWidget(page)
            page.edit.connect(self._edit)
            page.typing.connect(self._typing)
            page.faq.import_requested.connect(lambda: self.import_file("faq"))
            self._package_page = page
        return self._package_page

    def _typing(self) -> None:
        """Typed but not yet committed: saving and undoing it are already possible."""
        editable = self.controller is not None and not self.controller.editor.read_only
        self.actions["save"].setEnabled(editable)
        self.actions["undo"].setEnabled(editable)

    def _restore_window_state(self) -> None:
        geometry, state = self.window_settings.geometry(), self.window_settings.state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        else:  # first run: the editors get the height, the audit trail a strip the user can enlarge
            self.resizeDocks([self.history], [max(120, self.height() // 6)], Qt.Orientation.Vertical)
            self.resizeDocks([self.work], [max(WorkDock.MIN_WIDTH, self.width() // 7)], Qt.Orientation.Horizontal)
        fit_on_screen(self)
        RefitWhenFramed(self)

    def actor(self) -> Actor:
        """The signed-in member; without one the service refuses every change with the reason."""
        if self.member is None:
            self.switch_member()
        if self.member is not None:
            return self.member
        from studio.service.actor import Actor

        return Actor(self.user.user_name(), self.user.office)

    def _show_user(self) -> None:
        self.user_label.setText(member_label(self.member))

    # -- library -------------------------------------------------------
    def open_library(self, root: Path) -> None:
        self.library_root = Path(root)
        self.user.remember_library(self.library_root)
        self.start.then(self.user.save)  # a settings file write (with fsync) need not delay the first screen
        self.library_page.set_library(self.library_root)
        self.setWindowTitle(f"{APP_NAME} — {self.library_root.name}")
        if self.scanner is not None:
            self.scanner.requestInterruption()
            self.scanner.wait()
        from studio.service.library_listing import Listing

        # The last listing gives the rows of unchanged packages at once; the scan reads every package.
        rows, whole = Listing(self.library_root).rows()
        self.library_page.model.add(rows)
        scanner = self.scanner = LibraryScanner(self.library_root, now().date(), self)
        scanner.batch.connect(self.library_page.model.add)
        scanner.listed.connect(self.library_page.table.mark_listed)
        scanner.failed.connect(lambda where, why: self.statusBar().showMessage(f"无法读取 {where}：{why}", 10000))
        if whole:  # nothing to add: the scan waits until the user sees the list
            self.library_page.table.mark_listed()
            self.start.then(lambda: scanner.start() if scanner is self.scanner else None)
        else:
            scanner.start()
        self.work.refresh(self.library_root, self.member)

    def _library_selection(self, summary) -> None:
        """On the library page the checklist shows the selected package's findings."""
        if self.controller is None:
            if summary is None:
                self.checklist.show_nothing()
            else:
                self.checklist.show_findings(list(summary.findings))

    def choose_library(self) -> None:
        from studio.ui.file_dialogs import choose_folder

        folder = choose_folder(self, "打开文件库", str(self.library_root))
        if folder and self.back_to_library():
            self.open_library(Path(folder))

    def back_to_library(self) -> bool:
        if not self.close_package():
            return False
        self.stack.setCurrentWidget(self.library_page)
        self.checklist.show_nothing()
        self.history.show_events([], [])
        self._update_actions()
        return True

    def new_package(self) -> None:
        from studio.ui.dialogs import NewPackageDialog

        dialog = NewPackageDialog(self)
        if dialog.exec() != NewPackageDialog.DialogCode.Accepted:
            return
        from studio.service import operations

        try:
            folder = operations.create_package(self.library_root, self.actor(), dialog.values())
        except StudioError as e:
            QMessageBox.warning(self, "无法新建", e.message)
            return
        self.open_package(folder)

    def new_from_file(self) -> None:
        from studio.ui.new_from_file import choose_and_create

        choose_and_create(self)

    # -- package -------------------------------------------------------
    def open_package(self, folder: Path) -> None:
        if not self.close_package():
            return
        from studio.ui.package_controller import PackageController

        try:
            controller = PackageController.open(folder, self.actor(), parent=self)
            from studio.ui.outside_change import offer_to_record

            offer_to_record(self, controller.editor)
            if controller.editor.lock_is_stale:
                answer = QMessageBox.question(
                    self, "编辑锁已失效", controller.editor.lock_message + "\n\n是否解除锁定并继续编辑？")
                if answer == QMessageBox.StandardButton.Yes:
                    controller.close()
                    controller = PackageController.open(folder, self.actor(), break_stale_lock=True, parent=self)
        except StudioError as e:
            QMessageBox.warning(self, "无法打开文件包", e.message)
            return
        self.controller = controller
        from studio.ui.package_prompts import offer_recovery

        offer_recovery(self, controller.editor)
        controller.changed.connect(self._refresh_package)
        controller.findings_changed.connect(self._show_findings)
        controller.history_changed.connect(self._refresh_history)
        controller.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        controller.refused.connect(lambda text: QMessageBox.warning(self, "不能修改", text))
        controller.undo.cleanChanged.connect(lambda _: self._update_actions())
        controller.undo.indexChanged.connect(lambda _: self._update_actions())
        self.stack.setCurrentWidget(self.package_page)
        from studio.domain.pieces import POLICY  # not at start: the library side does without the pieces

        self.package_page.focus(POLICY, "")  # the keyboard follows into the text, not left on the hidden list
        self._refresh_package()
        self._refresh_history()
        controller.recheck()

    def close_package(self) -> bool:
        """Ask about unsaved work, then release the lock. False if the user cancels."""
        if self.controller is None:
            return True
        self.package_page.commit_pending()
        if self.controller.editor.dirty:
            from studio.ui.package_prompts import ask_to_save

            answer = ask_to_save(self)
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return False
            if answer == QMessageBox.StandardButton.Discard:
                self.controller.editor.discard_recovered()
        package_id = self.controller.editor.saved.id
        folder = self.controller.editor.folder
        self.package_page.shutdown()
        self.controller.close()
        self.controller.deleteLater()
        self.controller = None
        self._refresh_library_row(folder)
        self.library_page.select(package_id)
        return True

    def _refresh_library_row(self, folder: Path) -> None:
        from studio.service import operations
        from studio.service.library_summary import summarize

        try:
            self.library_page.model.update(summarize(folder, now().date(), operations.settings_for(folder)))
        except StudioError:
            pass

    def _edit(self, label: str, change) -> None:
        if self.controller is not None:
            self.controller.apply(label, change)

    def _undo(self, undo: bool) -> None:
        if self.controller is None:
            return
        self.package_page.commit_pending()
        if (place := self.controller.step_history(undo)) is not None:  # shown, even in another tab
            self.package_page.show_change(place)

    def _refresh_package(self) -> None:
        c = self.controller
        if c is None:
            return
        editor = c.editor
        self.package_page.show_package(c.package, editor.read_only, editor.lock_message, role_note(c))
        dirty = "（未保存）" if editor.dirty else ""
        self.setWindowTitle(f"{APP_NAME} — {c.package.metadata.title or '未命名'}{dirty}")
        self._update_actions()

    def _show_findings(self, findings: list) -> None:
        self.checklist.show_findings(findings)
        self.package_page.metadata.show_findings(findings)

    def _refresh_history(self) -> None:
        if self.controller is not None:
            self.history.show_events(self.controller.editor.events, self.controller.chain_problems())

    # -- saving, importing, the workflow ------------------------------------
    def save(self) -> bool:
        if self.controller is None:
            return True
        self.package_page.commit_pending()
        try:
            notices = self.controller.save()
        except StudioError as e:
            QMessageBox.warning(self, "保存失败", e.message)
            return False
        self.statusBar().showMessage("；".join(notices) or "已保存。", 8000)
        if notices:
            QMessageBox.information(self, "已保存", "\n".join(notices))
        return True

    def import_file(self, piece: str | None = None) -> None:
        from studio.ui.import_action import import_into

        if self.controller is None:
            return
        from studio.ui.package_page import TABS

        tab = TABS[self.package_page.tabs.currentIndex()]
        import_into(self, self.controller, piece or tab, self.package_page.detected.show_proposals)

    def export(self) -> None:
        from studio.ui.export_dialog import ExportDialog

        folder = self.controller.editor.folder if self.controller is not None else self.library_page.selected_folder()
        if self.controller is not None and self.controller.editor.dirty:
            QMessageBox.information(self, "导出", "导出的是已发布的版本；尚未保存的修改不会出现在发布包中。")
        ExportDialog(self.library_root, folder, self).exec()

    def run_transition(self, action: str) -> None:
        from studio.ui.workflow_action import run_transition

        run_transition(self, action)

    def _update_actions(self) -> None:
        c = self.controller
        a = self.actions
        open_ = c is not None
        # The controller, when its content may be changed by the signed-in member.
        editing = c if c is not None and not c.editor.read_only and not c.editor.role_refusal("edit") else None
        a["save"].setEnabled(editing is not None and editing.editor.dirty)
        a["import"].setEnabled(editing is not None and editing.package.state is not State.RELEASED)
        a["library"].setEnabled(open_)
        a["recheck"].setEnabled(open_)
        a["find"].setEnabled(open_)
        a["changes"].setEnabled(open_)
        a["comment"].setEnabled(open_)
        a["replace"].setEnabled(editing is not None)
        a["undo"].setEnabled(editing is not None and editing.undo.canUndo())
        a["redo"].setEnabled(editing is not None and editing.undo.canRedo())
        for key in WORKFLOW_KEYS:
            why = c.editor.refusal(key) if c is not None else "请先打开一个文件包。"
            a[key].setEnabled(not why)
            base = a[key].statusTip()
            a[key].setToolTip(f"{a[key].text()}：不可用——{why}" if why else base)

    # -- user and closing ------------------------------------------------------
    def switch_member(self) -> None:
        from studio.ui.member_actions import switch_member

        switch_member(self)  # the open package, if any, stays open and acts as the new member

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.close_package():
            event.ignore()
            return
        end_session(self)  # the package is closed: the scan stops and the window's state is kept
        event.accept()


