"""Reading a file for import away from the window's thread: converting an old Word file
through LibreOffice or laying out a long PDF takes seconds, and the window stays
responsive meanwhile, with a progress dialog saying what is being read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from studio.domain.errors import StudioError


class _Job(QThread):
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], Any], parent: QWidget):
        super().__init__(parent)
        self.work = work

    def run(self) -> None:
        try:
            result = self.work()
        except StudioError as e:
            self.failed.emit(e.message)
        except Exception as e:  # a reader's bug must not take the window down with it
            self.failed.emit(f"读取文件时出错（{type(e).__name__}）。请将文件另存为 .docx 后重试。")
        else:
            self.succeeded.emit(result)


def run_import(parent: QWidget, label: str, work: Callable[[], Any], done: Callable[[Any], object],
               failed: Callable[[str], object]) -> QThread:
    """Run `work` in a thread; `done(result)` or `failed(message)` is called back in the window's thread."""
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setObjectName("importProgress")
    progress.setWindowTitle("正在导入")
    progress.setCancelButton(None)  # a conversion under way cannot be stopped half-way
    progress.setMinimumDuration(300)
    job = _Job(work, parent)

    def finish(callback: Callable[[Any], object], value: Any) -> None:
        progress.reset()
        progress.deleteLater()
        job.deleteLater()
        callback(value)

    job.succeeded.connect(lambda result: finish(done, result))
    job.failed.connect(lambda message: finish(failed, message))
    parent.setProperty("importJob", job)  # kept alive until it ends
    job.start()
    return job
