"""Exporting a package or the whole library as a web bundle, off the UI thread, with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studio.paths import default_export_dir
from studio.service.library_settings import export_defaults
from studio.ui.file_dialogs import choose_folder

PREVIEW_HINT = "勾选上方的“预览稿”即可导出预览稿。"


class ResultText(QPlainTextEdit):
    """The result, however long (a library lists every package it left out): it scrolls, never hides."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumHeight(72)
        self.setAccessibleName("导出结果")
        self.viewport().setAutoFillBackground(False)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802
        self.setPlainText(text)


class ExportWorker(QThread):
    progressed = Signal(int, int, str)
    finished_with = Signal(object, str)  # report or None, error message

    def __init__(self, source: Path, whole_library: bool, out: Path, options, parent=None):
        super().__init__(parent)
        self.source, self.whole_library, self.out, self.options = source, whole_library, out, options

    def run(self) -> None:
        from studio.render.export.exporter import ExportCancelled, export_library, export_package

        def progress(done: int, total: int, what: str) -> None:
            if self.isInterruptionRequested():
                raise ExportCancelled()
            self.progressed.emit(done, total, what)

        try:
            run = export_library if self.whole_library else export_package
            report = run(self.source, self.out, self.options, progress=progress)
        except ExportCancelled:
            self.finished_with.emit(None, "已取消导出，原有的发布包保持不变。")
        except Exception as e:  # the reason in Chinese; the previous bundle is untouched
            self.finished_with.emit(None, getattr(e, "message", str(e)))
        else:
            self.finished_with.emit(report, "")


class ExportDialog(QDialog):
    def __init__(self, library: Path, package: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("导出网站发布包")
        self.library, self.package = library, package
        self.worker: ExportWorker | None = None
        self.report = None
        layout = QVBoxLayout(self)
        self.one = QRadioButton("当前文件包", self)
        self.all = QRadioButton("整个文件库（只含已发布的主动公开文件包）", self)
        self.one.setEnabled(package is not None)
        (self.one if package is not None else self.all).setChecked(True)
        layout.addWidget(self.one)
        layout.addWidget(self.all)
        form = QFormLayout()
        row = QHBoxLayout()
        self.out = QLineEdit(str(default_export_dir(library)), self)
        self.out.setAccessibleName("导出到文件夹")
        browse = self.browse = QPushButton("选择…", self)
        browse.clicked.connect(self._browse)
        browse.setAutoDefault(False)  # Enter means 开始导出, not “choose a folder”
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        form.addRow("导出到", row)
        self.site_name, base_url = export_defaults(library)  # from the library's settings
        self.base_url = QLineEdit(base_url, self)
        self.base_url.setPlaceholderText("网站地址，如 https://www.minghu.gov.cn/zcwj（可不填）")
        form.addRow("网站地址", self.base_url)
        self.preview = QCheckBox("预览稿（每页标注“预览稿”，不允许搜索引擎收录；可导出未发布的文件包）", self)
        self.zip = QCheckBox("同时生成 .zip 压缩包", self)
        form.addRow("", self.preview)
        form.addRow("", self.zip)
        layout.addLayout(form)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("导出进度")
        self.status = ResultText(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status, 1)
        buttons = QHBoxLayout()
        self.start = QPushButton("开始导出", self)
        self.cancel = QPushButton("取消", self)
        self.open_folder = QPushButton("打开文件夹", self)
        self.open_page = QPushButton("打开首页", self)
        for b in (self.open_folder, self.open_page):
            b.setEnabled(False)
        self.start.setDefault(True)
        for b in (self.start, self.cancel, self.open_folder, self.open_page):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.start.clicked.connect(self.run_export)
        self.cancel.clicked.connect(self._cancel)
        self.open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.out.text())))
        self.open_page.clicked.connect(self._open_page)
        self.resize(680, 400)

    def _browse(self) -> None:
        folder = choose_folder(self, "导出到文件夹", self.out.text(), may_be_new=True)
        if folder:
            self.out.setText(folder)

    def run_export(self) -> None:
        from studio.render.export.exporter import ExportOptions

        options = ExportOptions(preview=self.preview.isChecked(), base_url=self.base_url.text().strip(),
                                site_name=self.site_name, make_zip=self.zip.isChecked())
        whole = self.all.isChecked()
        source = self.library if whole else self.package
        assert source is not None  # "this package" is enabled only when a package is open
        self.worker = ExportWorker(source, whole, Path(self.out.text()), options, self)
        self.worker.progressed.connect(self._progress)
        self.worker.finished_with.connect(self._finished)
        self.start.setEnabled(False)
        self.cancel.setText("取消")
        self.status.setText("正在导出…")
        self.bar.setRange(0, 0)
        self.worker.start()

    def _progress(self, done: int, total: int, what: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.status.setText(f"正在导出：{what}（{done}/{total}）")

    def _finished(self, report, error: str) -> None:
        self.start.setEnabled(True)
        self.cancel.setText("关闭")  # nothing is running: the button closes the dialog
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if report else 0)
        self.report = report
        if report is None:
            hint = PREVIEW_HINT if "尚未发布" in error and not self.preview.isChecked() else ""
            self.status.setText(error + hint)
            return
        refused = {id(s) for s in report.refused}
        skipped = "".join(f"\n{'拒绝导出' if id(s) in refused else '未导出'}：{s.folder.name}——{s.reason}"
                          for s in report.skipped)
        warning = (f"\n有{len(report.refused)}个文件包未通过审计校验或发布前复核，已拒绝导出。"
                   if report.refused else "")
        self.status.setText(f"导出完成：{report.packages}个文件包，{report.files}个文件，其中重新生成"
                            f"{len(report.rendered)}个文件包。{warning}{skipped}")
        self.open_folder.setEnabled(True)
        self.open_page.setEnabled(True)
        self.open_page.setDefault(True)  # done: Enter now shows the page made
        self.open_page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_page(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.out.text()) / "index.html")))

    def _cancel(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.worker.requestInterruption()
            self.status.setText("正在取消…")
        else:
            self.reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.worker is not None and self.worker.isRunning():
            self.worker.requestInterruption()
            self.worker.wait()
        super().closeEvent(event)
