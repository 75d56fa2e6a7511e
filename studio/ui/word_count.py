"""The status bar's 字数: of the text the keyboard is in, and of its selection, as WPS shows it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPlainTextEdit, QTextEdit, QWidget

from studio.domain.text_count import word_count

TIP = "按 Word、WPS 的计法：每个汉字和中文标点算 1，每个英文单词或数字算 1，空格和 Markdown 标记不算。"
# Typing a long policy recounts after a pause, not at every keystroke.
RECOUNT_MS = 150


class WordCount(QObject):
    """Follows the keyboard from editor to editor; hidden when it is not in a multi-line text."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.label = QLabel(window)
        self.label.setObjectName("wordCount")
        self.label.setToolTip(TIP)
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.editor: QPlainTextEdit | QTextEdit | None = None
        self.document: QTextDocument | None = None  # the editor's, whose changes are counted
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RECOUNT_MS)
        self.timer.timeout.connect(self.recount)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not isinstance(new, (QPlainTextEdit, QTextEdit)) or new.window() is not self.parent():
            # To a button or a dialog the count stays with the last text; back to the library it goes.
            if self.editor is not None and not self.editor.isVisible():
                self.label.hide()
            return
        if self.editor is not None and self.document is not None:
            self.document.contentsChanged.disconnect(self.timer.start)
            self.editor.selectionChanged.disconnect(self.recount)
            self.editor.destroyed.disconnect(self._gone)
        self.editor = new
        # The document's signal, not the editor's: stored text is shown with the editor's signals
        # blocked (so it is not taken for typing), and the count must follow that too.
        self.document = new.document()
        self.document.contentsChanged.connect(self.timer.start)
        new.selectionChanged.connect(self.recount)
        new.destroyed.connect(self._gone)
        self.recount()

    def _gone(self) -> None:
        self.editor = self.document = None
        self.label.hide()

    def recount(self) -> None:
        editor = self.editor
        if editor is None or not editor.isVisible():
            self.label.hide()
            return
        whole = word_count(editor.toPlainText())
        selected = editor.textCursor().selectedText()
        # A selection spanning lines comes with U+2029 between them: whitespace, not counted.
        text = f"字数：{word_count(selected):,} / {whole:,}" if selected else f"字数：{whole:,}"
        self.label.setText(text)
        self.label.show()
