"""The package editor: a banner saying what the user may do, and a tab per piece."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from studio.domain import edits
from studio.domain.changed_place import ChangedPlace
from studio.domain.findings import Span
from studio.domain.package import Package
from studio.domain.pieces import CONSULTATION, EXPLAINER, FAQ, INTERPRETATION, POLICY
from studio.domain.states import State
from studio.ui import label_styles
from studio.ui.detected_values import DetectedValues
from studio.ui.explainer_editor import ExplainerEditor
from studio.ui.faq_editor import FaqEditor
from studio.ui.find_replace import FindBar
from studio.ui.markdown_editor import MarkdownEditor
from studio.ui.metadata_form import MetadataForm
from studio.ui.span_highlight import select_span
from studio.ui.tab_keys import install_tab_keys
from studio.ui.typing_commit import TypingCommit


def banner_for(package: Package, lock_message: str, role_note: str = "") -> tuple[str, str]:
    """What the user may do with the open package, and how loudly to say it."""
    if lock_message:
        return lock_message, "locked"
    if package.state is State.RELEASED:
        return "该文件包已发布，内容不能直接修改。如需修改，请使用“修订（新版本）”建立新版本。", "info"
    if package.state is State.RETURNED and package.return_comment:
        returned = f"已退回修改。退回意见：{package.return_comment}"
        return (f"{returned}\n{role_note}" if role_note else returned), "info"
    if role_note:  # a member who may not draft is not warned that editing voids the reviews
        return role_note, "info"
    if package.state.in_review:
        return (f"文件包正在审核流程中（{package.state.label}）。此时修改任何内容都会使已完成的"
                "审核、审签作废，文件包退回草稿。"), "info"
    return "", ""


TABS = (POLICY, INTERPRETATION, EXPLAINER, FAQ, CONSULTATION, "metadata")
TAB_LABELS = {POLICY: "政策文件", INTERPRETATION: "政策解读", EXPLAINER: "政策图解", FAQ: "问答",
              CONSULTATION: "征求意见", "metadata": "元数据"}


class PackagePage(QWidget):
    """Emits `edit(label, change)`; `change(package) -> EditOutcome` is applied by the controller."""

    edit = Signal(str, object)
    typing = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet(label_styles.HEADING)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.find_bar = FindBar(self._searchable, self.current_text, self._show_text, self)
        layout.addWidget(self.find_bar)

        self.policy = MarkdownEditor("政策文件", with_title=False)
        self.interpretation = MarkdownEditor("政策解读", with_title=True)
        self.consultation = MarkdownEditor("征求意见公告", with_title=True)
        self.explainer = ExplainerEditor()
        self.faq = FaqEditor()
        self.metadata = MetadataForm()
        self.detected = DetectedValues(self.metadata)
        widgets = {POLICY: self.policy, INTERPRETATION: self.interpretation, EXPLAINER: self.explainer,
                   FAQ: self.faq, CONSULTATION: self.consultation, "metadata": self.metadata}
        for key in TABS:
            self.tabs.addTab(widgets[key], TAB_LABELS[key])
            widgets[key].setObjectName(f"tab_{key}")
        install_tab_keys(self.tabs, lambda index: self.focus(TABS[index], ""))

        for editor in self.text_editors():
            editor.typing.connect(self.typing)
        for typed in self.findChildren(TypingCommit):
            typed.typing.connect(self.typing)
        self.policy.committed.connect(lambda t: self.edit.emit("修改政策文件", lambda p: edits.set_policy_body(p, t)))
        for key, editor in ((INTERPRETATION, self.interpretation), (CONSULTATION, self.consultation)):
            name = TAB_LABELS[key]
            editor.committed.connect(lambda t, k=key, n=name: self.edit.emit(
                f"修改{n}", lambda p: edits.set_text_piece(p, k, t)))
            editor.title_committed.connect(lambda t, k=key, n=name: self.edit.emit(
                f"修改{n}标题", lambda p: edits.set_text_piece(p, k, p.pieces.get(k).body, t)))
        self.faq.changed.connect(lambda items: self.edit.emit(
            "修改问答", lambda p: edits.set_faq(p, items)))
        typed_title = TypingCommit(self.faq.title_edit, lambda _: self._faq_title())
        self.faq.title_edit.editingFinished.connect(typed_title.left)
        self.explainer.changed.connect(lambda data: self.edit.emit(
            "修改政策图解", lambda p: edits.set_explainer(p, data)))
        self.metadata.committed.connect(lambda key, value: self.edit.emit(
            "修改元数据", lambda p: edits.set_metadata(p, {key: value})))
        self.detected.adopt.connect(lambda values: self.edit.emit(
            "采纳识别到的元数据", lambda p: edits.set_metadata(p, values)))

    def _faq_title(self) -> None:
        title = self.faq.title_edit.text()
        self.edit.emit("修改问答标题", lambda p: edits.set_faq(p, list(p.pieces.faq.items), title))

    def _searchable(self) -> list[tuple[str, QPlainTextEdit, Callable[[], None]]]:
        return [(TAB_LABELS[key], editor.text, editor.commit) for key, editor in
                ((POLICY, self.policy), (INTERPRETATION, self.interpretation), (CONSULTATION, self.consultation))]

    def current_text(self) -> QPlainTextEdit | None:
        widget = self.tabs.currentWidget()
        return widget.text if isinstance(widget, MarkdownEditor) else None

    def _show_text(self, box: QPlainTextEdit) -> None:
        for editor in self.text_editors():
            if editor.text is box:
                self.tabs.setCurrentWidget(editor)

    def text_editors(self) -> list[MarkdownEditor]:
        return [self.policy, self.interpretation, self.consultation]

    def commit_pending(self) -> None:
        """Hand over text typed but not yet committed (before undo, save or review actions)."""
        for editor in self.text_editors():
            editor.commit()
        for typed in self.findChildren(TypingCommit):
            typed.flush()

    def shutdown(self) -> None:
        """Let background work finish before the package goes away."""
        self.explainer.shutdown()

    def show_package(self, package: Package, read_only: bool, lock_message: str = "", role_note: str = "") -> None:
        """`role_note`: why the signed-in member may not change the content (the package is open to them
        for reading, comments and their own workflow step)."""
        meta = package.metadata
        banner, style = banner_for(package, lock_message if read_only else "", role_note)
        self.banner.setStyleSheet(label_styles.BANNER.get(style, ""))
        self.heading.setText(f"<b>{meta.title or '（未命名文件包）'}</b>　{meta.doc_number}　"
                             f"<span>［{package.state.label}，第{package.version}版］</span>")
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        p = package.pieces
        self.policy.set_content(p.policy.body)
        self.interpretation.set_content(p.interpretation.body, p.interpretation.title)
        self.consultation.set_content(p.consultation.body, p.consultation.title)
        self.faq.show_items(list(p.faq.items), p.faq.title)
        self.explainer.show_piece(p.explainer, meta)
        self.metadata.show_metadata(meta)
        self.detected.refresh(meta)
        locked = read_only or bool(role_note) or package.state is State.RELEASED
        for editor in self.text_editors():
            editor.set_read_only(locked)
        self.faq.set_read_only(locked)
        self.explainer.set_read_only(locked)
        self.metadata.set_read_only(locked)
        self.detected.setEnabled(not locked)

    def focus(self, piece: str, field: str, span: Span | None = None) -> None:
        """Take the user to the piece (and field, and words) a finding is about."""
        if piece in ("package", "others"):
            piece = "metadata" if piece == "package" else POLICY
        if piece not in TABS:
            return
        self.tabs.setCurrentIndex(TABS.index(piece))
        if piece == "metadata":
            self.metadata.focus_field(field or "title")
        elif piece == FAQ:
            self.faq.table.setFocus()
            if field.startswith("items["):
                row = int(field[6:field.index("]")])
                self.faq.table.setCurrentIndex(self.faq.model.index(row, 0))
                if span is not None and field.endswith(".answer"):
                    select_span(self.faq.answer, span)
        elif piece == EXPLAINER:
            self.explainer.sections.setFocus()
            if field.startswith("sections["):
                self.explainer.sections.setCurrentRow(int(field[9:].split("]")[0]))
        else:
            editor = {POLICY: self.policy, INTERPRETATION: self.interpretation, CONSULTATION: self.consultation}[piece]
            editor.focus_body()
            if span is not None:  # a text piece's spans count in its body
                select_span(editor.text, span)

    def show_change(self, place: ChangedPlace) -> None:
        """After undo or redo: the piece that changed, the cursor just after the restored words, in view."""
        editors = {POLICY: self.policy, INTERPRETATION: self.interpretation, CONSULTATION: self.consultation}
        editor = editors.get(place.piece)
        if editor is None:
            self.focus(place.piece, place.field)
            return
        self.tabs.setCurrentWidget(editor)
        if place.field == "title" and editor.title_edit is not None:
            editor.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        editor.focus_body()
        cursor = editor.text.textCursor()
        cursor.setPosition(min(place.at, len(editor.text.toPlainText())))
        editor.text.setTextCursor(cursor)
        editor.text.ensureCursorVisible()

