"""Signing in as a member of the library: name and passphrase, checked against the roster."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from studio.domain.errors import StudioError
from studio.domain.roles import roles_text
from studio.service import members
from studio.service.actor import Actor
from studio.ui.dialogs import _buttons, _CheckedDialog, _error_label


class SignInDialog(_CheckedDialog):
    """Choose who you are and open your key with your passphrase."""

    def __init__(self, root: Path, suggested: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.root = Path(root)
        self.actor: Actor | None = None
        self.setWindowTitle("以成员身份登录")
        layout = QVBoxLayout(self)
        roster = members.roster(self.root)
        intro = "请选择你在本文件库中的姓名并输入口令。你的每一次修改、审核和审签都以你的密钥签名。"
        if roster.demo:
            intro += "\n这是示例文件库：示例成员的口令都是 demo。"
        text = QLabel(intro, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.setAccessibleName("成员姓名")
        for m in roster.members.values():
            self.name.addItem(f"{m.name}（{roles_text(m.roles)}）", m.name)
        # The member mapped to this OS login comes first; else the name this machine last used.
        found = self.name.findData(members.member_of_os_login(self.root) or suggested)
        if found < 0:
            found = self.name.findData(suggested)
        if found >= 0:
            self.name.setCurrentIndex(found)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("口令")
        form.addRow("姓名：", self.name)
        form.addRow("口令：", self.passphrase)
        layout.addLayout(form)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, "登录"))
        self.passphrase.setFocus()

    def chosen_name(self) -> str:
        data = self.name.currentData()
        text = self.name.currentText()
        return data if data and self.name.itemText(self.name.currentIndex()) == text else text.split("（")[0].strip()

    def _accept(self) -> None:
        try:
            self.actor = members.sign_in(self.root, self.chosen_name(), self.passphrase.text())
        except StudioError as e:
            self.error.setText(e.message)
            self.error.show()
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)  # retype it at once, over the wrong one
            self.passphrase.selectAll()
            return
        self.accept()


def sign_in(parent: QWidget, root: Path, suggested: str = "") -> Actor | None:
    """The signed-in member, or None when the user cancels or the library has no roster yet."""
    if not members.has_roster(root):
        return None
    dialog = SignInDialog(root, suggested, parent)
    return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
