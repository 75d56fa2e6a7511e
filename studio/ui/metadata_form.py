"""The metadata form: one field per key, committed as the user types, checked as the user leaves it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.domain.edits import normalise_value
from studio.domain.errors import InvalidInput
from studio.domain.findings import Finding
from studio.domain.metadata import CHOICES, EXEMPT_CATEGORIES, LABELS, LAYOUT_KEYS, METADATA_KEYS, Metadata
from studio.ui import label_styles
from studio.ui.typing_commit import TypingCommit
from studio.ui.wheel_guard import guard

LONG_TEXT = ("disclosure_reason", "consultation_feedback", "no_consultation_reason", "short_period_reason",
             "exempt_reason", "addressees", "copied_to", "attachments")
GROUPS = (
    ("政策文件库信息", ("title", "doc_number", "organ", "date_written", "date_published", "index_number",
                  "topic", "subject_words", "kind", "validity")),
    ("公开属性", ("disclosure", "disclosure_reason")),
    ("解读信息", ("interpreter_org", "interpreter_person", "interpreter_contact")),
    ("征求意见", ("consultation_start", "consultation_end", "affects_business", "consultation_feedback",
              "no_consultation_reason", "short_period_reason")),
    ("免于解读", ("exempt", "exempt_reason")),
    ("版头与版记", LAYOUT_KEYS),
)
PLACEHOLDERS = {
    "doc_number": "如 明政办规〔2026〕3号",
    "date_written": "如 2026年11月19日",
    "date_published": "发布时自动记录",
    "consultation_start": "如 2026-10-19",
    "consultation_end": "如 2026-10-30",
    "index_number": "如 11330599MB0000000A/2026-00031",
    "interpreter_contact": "咨询电话或邮箱",
}
assert {k for _, keys in GROUPS for k in keys} == set(METADATA_KEYS)
_ERROR_STYLE = "border: 2px solid #b3261e;"
# The kinds of input a field is: a choice, a few lines of text (LongTextField), or one line.
Field = QComboBox | QPlainTextEdit | QLineEdit


class LongTextField(QPlainTextEdit):
    """A few lines of text; `left` when the user leaves it, like a line edit's editingFinished."""

    left = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(64)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.left.emit()


class MetadataForm(QScrollArea):
    committed = Signal(str, str)  # key, value

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        inner = QWidget(self)
        outer = QVBoxLayout(inner)
        self.fields: dict[str, Field] = {}
        self.notes: dict[str, QLabel] = {}
        self.boxes: dict[str, QVBoxLayout] = {}  # each field with what is shown below it
        self._shown: dict[str, str] = {}
        self._typed: dict[str, TypingCommit] = {}
        for heading, keys in GROUPS:
            title = QLabel(f"<b>{heading}</b>", inner)
            outer.addWidget(title)
            form = QFormLayout()
            for key in keys:
                widget = self._make_field(key, inner)
                note = QLabel(inner)
                note.setWordWrap(True)
                note.setStyleSheet(label_styles.FIELD_NOTE)
                note.hide()
                box = QVBoxLayout()
                box.setSpacing(2)
                box.addWidget(widget)
                box.addWidget(note)
                label = QLabel(LABELS[key], inner)
                label.setBuddy(widget)
                form.addRow(label, box)
                self.fields[key], self.notes[key], self.boxes[key] = widget, note, box
            outer.addLayout(form)
        outer.addStretch(1)
        self.setWidget(inner)

    def _make_field(self, key: str, parent: QWidget) -> Field:
        if key in CHOICES or key == "exempt":
            box = QComboBox(parent)
            box.addItem("")
            box.addItems(list(CHOICES.get(key, EXEMPT_CATEGORIES)))
            box.setEditable(key == "exempt")
            guard(box)
            box.activated.connect(lambda _=0, k=key: self._commit(k))
            line = box.lineEdit()  # present only when the box is editable
            if line is not None:
                typed = TypingCommit(line, self._committer(key))
                self._typed[key] = typed
                line.editingFinished.connect(typed.left)
            widget: Field = box
        elif key in LONG_TEXT:
            widget = LongTextField(parent)
            typed = TypingCommit(widget, self._committer(key))
            self._typed[key] = typed
            widget.left.connect(typed.left)
        else:
            widget = QLineEdit(parent)
            widget.setPlaceholderText(PLACEHOLDERS.get(key, ""))
            typed = TypingCommit(widget, self._committer(key))
            self._typed[key] = typed
            widget.editingFinished.connect(typed.left)
            if key == "date_published":
                widget.setReadOnly(True)
        widget.setAccessibleName(LABELS[key])
        widget.setObjectName(f"field_{key}")
        return widget

    def _committer(self, key: str) -> Callable[[bool], None]:
        def commit(final: bool) -> None:
            self._commit(key, final)
        return commit

    def value(self, key: str) -> str:
        w = self.fields[key]
        if isinstance(w, QComboBox):
            return w.currentText()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        return w.text()

    def _commit(self, key: str, final: bool = True) -> None:
        value = self.value(key)
        if value == self._shown.get(key, ""):
            self._set_error(key, "")
            return
        try:
            normalise_value(key, value)
        except InvalidInput as e:
            if final:  # while typing, a half-written date is not yet a mistake
                self._set_error(key, e.message)
            return
        self._set_error(key, "")
        self._shown[key] = value
        self.committed.emit(key, value)

    def _set_error(self, key: str, message: str) -> None:
        widget, note = self.fields[key], self.notes[key]
        widget.setStyleSheet(_ERROR_STYLE if message else "")
        note.setText(message)
        note.setVisible(bool(message))

    def show_metadata(self, meta: Metadata) -> None:
        for key, widget in self.fields.items():
            value = getattr(meta, key)
            self._shown[key] = value
            if self.value(key) == value or (key in self._typed and self._typed[key].pending):
                continue  # words typed and not yet committed are never overwritten
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentText(value)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)
            widget.blockSignals(False)

    def show_findings(self, findings: list[Finding]) -> None:
        """Rule findings about a field appear under it (validation shown at the field)."""
        by_field: dict[str, list[str]] = {}
        for f in findings:
            if f.piece == "metadata" and f.field in self.fields:
                by_field.setdefault(f.field, []).append(f.message)
        for key, note in self.notes.items():
            if self.fields[key].styleSheet():  # an input error is showing; keep it
                continue
            text = "\n".join(by_field.get(key, []))
            note.setText(text)
            note.setVisible(bool(text))

    def set_read_only(self, read_only: bool) -> None:
        for key, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                widget.setEnabled(not read_only)
            else:
                widget.setReadOnly(read_only or key == "date_published")

    def focus_field(self, key: str) -> None:
        widget = self.fields.get(key)
        if widget is not None:
            self.ensureWidgetVisible(widget)
            widget.setFocus()
