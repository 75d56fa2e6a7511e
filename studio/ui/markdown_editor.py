"""A text beside its live preview; the preview follows the typing (after a pause) and the scrolling."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from studio.render.markdown import render_markdown
from studio.ui.format_bar import FormatBar
from studio.ui.numbered_text import NumberedTextEdit
from studio.ui.preview_styles import CSS, STYLE_LABELS, WEB
from studio.ui.typing_commit import TypingCommit
from studio.ui.wheel_guard import guard

PREVIEW_DELAY_MS = 250
COMMIT_DELAY_MS = 600

class MarkdownEditor(QWidget):
    """Emits `committed(text)` when the user pauses: one undo step per burst of typing."""

    committed = Signal(str)
    title_committed = Signal(str)
    typing = Signal()  # text changed but not yet committed: the window can offer Save at once

    def __init__(self, name: str, with_title: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title_edit: QLineEdit | None = None
        if with_title:
            self.title_edit = QLineEdit(self)
            self.title_edit.setPlaceholderText(f"{name}标题")
            self.title_edit.setAccessibleName(f"{name}标题")
            self._typed_title = TypingCommit(self.title_edit, lambda _: self._commit_title())
            self.title_edit.editingFinished.connect(self._typed_title.left)
            layout.addWidget(self.title_edit)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.text = NumberedTextEdit(splitter)
        self.text.setAccessibleName(f"{name}正文")
        self.text.setPlaceholderText(f"在此输入{name}正文。标题按公文写法单独成行：一、……（一）……1.……；"
                                     "也可用上方的格式按钮。")
        self.text.setTabChangesFocus(True)
        self.text.document().setUndoRedoEnabled(False)  # the window's undo stack owns undo
        self.preview = QTextBrowser(splitter)
        # A link in the preview opens in the user's browser; the preview itself never leaves the text.
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(self._open_link)
        self.preview.setAccessibleName(f"{name}预览")
        self.style_box = QComboBox(self)
        self.style_box.setAccessibleName("预览样式")
        guard(self.style_box)
        for key, label in STYLE_LABELS.items():
            self.style_box.addItem(label, key)
        self.format_bar = FormatBar(self.text, self.commit, self)
        self.format_bar.addSeparator()
        self.format_bar.addWidget(self.style_box)
        layout.addWidget(self.format_bar)
        self.preview.document().setDefaultStyleSheet(CSS[WEB])
        self.style_box.currentIndexChanged.connect(self._restyle)
        self.text.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        splitter.setSizes([500, 500])
        layout.addWidget(splitter, 1)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._commit_timer = QTimer(self, singleShot=True, interval=COMMIT_DELAY_MS)
        self._commit_timer.timeout.connect(self.commit)
        self._committed_text = ""
        self._committed_title = ""
        self.text.textChanged.connect(self._changed)

    def _changed(self) -> None:
        self._preview_timer.start()
        self._commit_timer.start()
        self.typing.emit()

    def commit(self) -> None:
        """Hand the text over now (before undo, save or a switch of piece)."""
        self._commit_timer.stop()
        text = self.text.toPlainText()
        if text != self._committed_text:
            self._committed_text = text
            self.committed.emit(text)

    def _commit_title(self) -> None:
        if self.title_edit is not None and self.title_edit.text() != self._committed_title:
            self._committed_title = self.title_edit.text()
            self.title_committed.emit(self._committed_title)

    def set_content(self, text: str, title: str | None = None) -> None:
        """Show stored content without creating an edit."""
        if self.title_edit is not None and title is not None and not self._typed_title.pending:
            self._committed_title = title
            if self.title_edit.text() != title:
                self.title_edit.setText(title)
        if self._commit_timer.isActive():  # words typed and not yet committed are never overwritten
            return
        self._committed_text = text
        if self.text.toPlainText() != text:
            cursor = self.text.textCursor().position()
            self.text.blockSignals(True)
            self.text.setPlainText(text)
            self.text.blockSignals(False)
            c = self.text.textCursor()
            c.setPosition(min(cursor, len(text)))
            self.text.setTextCursor(c)
            self.refresh_preview()

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)
        if read_only:  # a reader still moves through the text by keyboard, to comment on a paragraph
            self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        if self.title_edit is not None:
            self.title_edit.setReadOnly(read_only)

    def _restyle(self) -> None:
        self.preview.document().setDefaultStyleSheet(CSS[self.style_box.currentData()])
        self.refresh_preview()

    def _follow_scroll(self) -> None:
        """The preview shows the part of the text the editor shows (by proportion of the whole)."""
        source, target = self.text.verticalScrollBar(), self.preview.verticalScrollBar()
        if source.maximum() > 0:
            target.setValue(round(target.maximum() * source.value() / source.maximum()))

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.scheme():
            self.preview.scrollToAnchor(url.fragment())

    def refresh_preview(self) -> None:
        html = render_markdown(self.text.toPlainText()).html
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.preview.setHtml(html)
        bar.setValue(position)

    def focus_body(self) -> None:
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
