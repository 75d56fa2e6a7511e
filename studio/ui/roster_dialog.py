"""The roster of the library for administrators: members, roles and keys, each change signed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.domain.errors import StudioError
from studio.domain.roles import ALL_ROLES, Role, roles_text
from studio.domain.signing import key_id
from studio.service import members
from studio.service.actor import Actor
from studio.ui.dialogs import _buttons, _CheckedDialog, _error_label
from studio.ui.library_change import run_change


class MemberDialog(_CheckedDialog):
    """A new member: name, office, roles and the public key they made with 生成密钥."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("添加成员")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name, self.office, self.key = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.key.setPlaceholderText("成员在本人电脑上用 studio key new 生成的公钥（130位）")
        # wide enough to read the hint whole (a pasted key scrolls within it)
        self.key.setMinimumWidth(self.key.fontMetrics().horizontalAdvance(self.key.placeholderText()) + 24)
        form.addRow("姓名：", self.name)
        form.addRow("处室：", self.office)
        boxes = QHBoxLayout()
        self.roles = {r: QCheckBox(r.value, self) for r in ALL_ROLES}
        for box in self.roles.values():
            boxes.addWidget(box)
        form.addRow("角色：", boxes)
        form.addRow("公钥：", self.key)
        layout.addLayout(form)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, "添加"))
        self.chosen: list[Role] = []

    def _accept(self) -> None:
        self.chosen = [r for r, box in self.roles.items() if box.isChecked()]
        if not self.name.text().strip() or not self.chosen or not self.key.text().strip():
            self.error.setText("请填写姓名、公钥，并至少选择一个角色。")
            return
        self.accept()


class RosterDialog(QDialog):
    def __init__(self, root: Path, admin: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.root, self.admin = Path(root), admin
        self.setWindowTitle("成员名单")
        self.resize(820, 420)
        layout = QVBoxLayout(self)
        note = QLabel("成员名单的每一次修改都由管理员签名并记入文件库记录。移除成员后，其以前签名的记录仍然有效。", self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["姓名", "处室", "角色", "公钥"])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for text, slot in (("添加成员…", self.add), ("修改角色…", self.change_roles),
                           ("登记新公钥…", self.new_key), ("移除成员", self.remove)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        close = QPushButton("关闭", self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.fill()

    def fill(self) -> None:
        roster = members.roster(self.root)
        self.table.setRowCount(0)
        for m in roster.members.values():
            r = self.table.rowCount()
            self.table.insertRow(r)
            demo = "（示例密钥）" if m.demo else ""
            for c, text in enumerate((m.name, m.office, roles_text(m.roles), key_id(m.public_key) + demo)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        for column in (0, 1, 3):
            self.table.resizeColumnToContents(column)

    def selected(self) -> str:
        items = self.table.selectedItems()
        return items[0].text() if items else ""

    def _do(self, change) -> None:
        try:
            run_change(self, "修改成员名单", change)
        except StudioError as e:
            QMessageBox.warning(self, "未能修改成员名单", e.message)
        self.fill()

    def add(self) -> None:
        dialog = MemberDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._do(lambda o: members.add_member(self.root, self.admin, dialog.name.text(), dialog.office.text(),
                                                  dialog.chosen, dialog.key.text(), options=o))

    def change_roles(self) -> None:
        name = self.selected()
        if not name:
            return
        text, ok = QInputDialog.getText(self, "修改角色", f"{name}的角色（用顿号分隔：{roles_text(ALL_ROLES)}）：")
        if ok:
            self._do(lambda o: members.update_member(self.root, self.admin, name, roles=[
                Role.parse(x) for x in text.replace(",", "、").split("、") if x.strip()], options=o))

    def new_key(self) -> None:
        name = self.selected()
        if not name:
            return
        text, ok = QInputDialog.getText(self, "登记新公钥", f"{name}用 studio key new 生成的新公钥：")
        if ok:
            self._do(lambda o: members.register_key(self.root, self.admin, name, text, o))

    def remove(self) -> None:
        name = self.selected()
        if name and QMessageBox.question(self, "移除成员", f"确定移除{name}吗？") == QMessageBox.StandardButton.Yes:
            self._do(lambda o: members.remove_member(self.root, self.admin, name, o))
