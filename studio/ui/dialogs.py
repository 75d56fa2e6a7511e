"""Small dialogs: a review comment, the current user, a new package."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.domain.metadata import DISCLOSURES, KINDS


def _error_label(dialog: QDialog) -> QLabel:
    label = QLabel(dialog)
    label.setStyleSheet("color: #b3261e;")
    return label


class _CheckedDialog(QDialog):
    """A dialog whose OK runs `_accept`, which accepts only once the input is complete."""

    def _accept(self) -> None:
        self.accept()


def _buttons(dialog: _CheckedDialog, ok_text: str, cancel: bool = True) -> QDialogButtonBox:
    """OK (and Cancel) in Chinese; OK runs the dialog's own check before accepting."""
    kinds = QDialogButtonBox.StandardButton.Ok
    if cancel:
        kinds |= QDialogButtonBox.StandardButton.Cancel
    buttons = QDialogButtonBox(kinds, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    if cancel:
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.rejected.connect(dialog.reject)
    buttons.accepted.connect(dialog._accept)
    return buttons


class CommentDialog(_CheckedDialog):
    def __init__(self, title: str, prompt: str, required: bool, parent: QWidget | None = None,
                 covers: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.required = required
        layout = QVBoxLayout(self)
        self.covers = QLabel(self)
        self.covers.setWordWrap(True)
        self.covers.setTextInteractionFlags(self.covers.textInteractionFlags()
                                            | Qt.TextInteractionFlag.TextSelectableByMouse)
        if covers:  # what a signature covers, to check before signing
            self.covers.setText("本次审签以下内容的当前版本：\n" + "\n".join(f"· {line}" for line in covers))
            layout.addWidget(self.covers)
        layout.addWidget(QLabel(prompt, self))
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName("意见")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("写完后按 Ctrl+Enter 确定")
        # Enter starts a new line of the comment, so the box cannot use it to confirm.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._accept)
        layout.addWidget(self.text)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, "确定"))
        self.resize(460, 240)

    def _accept(self) -> None:
        if self.required and not self.comment():
            self.error.setText("请填写意见，说明需要修改的内容。")
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)  # straight back to writing it
            return
        self.accept()

    def comment(self) -> str:
        return self.text.toPlainText().strip()


class UserDialog(_CheckedDialog):
    """Asked at first run: the name and office that go into every audit event."""

    def __init__(self, name: str, office: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("当前用户")
        layout = QVBoxLayout(self)
        intro = QLabel("请填写你的真实姓名和所在处室。\n它们会随你的每一次保存、提交、审核和审签写入文件包的审计记录，"
                       "审核人和审签人据此知道每处修改由谁作出；记录写入后不能更改。", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(name, self)
        self.name.setPlaceholderText("如 周敏")
        self.office = QLineEdit(office, self)
        self.office.setPlaceholderText("如 就业促进处")
        form.addRow("姓名", self.name)
        form.addRow("处室", self.office)
        layout.addLayout(form)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, "确定", cancel=False))

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText("请填写姓名：审计记录需要知道是谁作出的修改。")
            return
        self.accept()


class NewPackageDialog(_CheckedDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("新建文件包")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.title.setPlaceholderText("政策文件标题")
        self.organ = QLineEdit(self)
        self.doc_number = QLineEdit(self)
        self.doc_number.setPlaceholderText("如 明政办规〔2026〕3号（可稍后填写）")
        self.kind = QComboBox(self)
        self.kind.addItems(list(KINDS))
        self.kind.setCurrentText("规范性文件")
        self.disclosure = QComboBox(self)
        self.disclosure.addItems(list(DISCLOSURES))
        form.addRow("标题", self.title)
        form.addRow("发文机关", self.organ)
        form.addRow("发文字号", self.doc_number)
        form.addRow("文件类型", self.kind)
        form.addRow("公开属性", self.disclosure)
        layout.addLayout(form)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, "新建"))
        self.resize(520, 260)

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText("请填写标题。")
            return
        self.accept()

    def values(self) -> dict[str, str]:
        return {"title": self.title.text().strip(), "organ": self.organ.text().strip(),
                "doc_number": self.doc_number.text().strip(), "kind": self.kind.currentText(),
                "disclosure": self.disclosure.currentText()}


def ask_for_action(parent: QWidget, action: str, title: str = "", covers: list[str] | None = None) -> str | None:
    """The comment for a review step, or a confirmation; None when the user cancels."""
    from PySide6.QtWidgets import QMessageBox

    from studio.domain import workflow_actions as workflow

    title = title or workflow.ACTION_LABELS[action]
    if action in (workflow.REVIEW, workflow.SIGN, workflow.RETURN, workflow.SUBMIT):
        required = action == workflow.RETURN
        dialog = CommentDialog(title, "退回意见（必填）：" if required else "意见或说明（可不填）：", required, parent,
                               covers if action == workflow.SIGN else None)
        return dialog.comment() if dialog.exec() == CommentDialog.DialogCode.Accepted else None
    if action in (workflow.RELEASE, workflow.AMEND):
        text = ("发布将复核全部规则，并同步发布文件包内的全部材料。确定发布吗？" if action == workflow.RELEASE
                else "将为已发布的文件包建立新版本，已发布的版本保持不变。确定修订吗？")
        if QMessageBox.question(parent, title, text) != QMessageBox.StandardButton.Yes:
            return None
    return ""
