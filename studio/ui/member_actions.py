"""The window's member actions: sign in or switch member, the roster, action titles by review level.

Signing in needs the roster and the key store (and their cryptography); they load when a
member signs in, not when the window starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from studio.domain.errors import StudioError

if TYPE_CHECKING:
    from studio.domain.package import Package
    from studio.service.actor import Actor
    from studio.ui.main_window import MainWindow
    from studio.ui.package_controller import PackageController


def member_label(member: Actor | None) -> str:
    """The status bar's words for who is signed in."""
    if member is None:
        return "未登录（只能查看）"
    return f"当前成员：{member.name}" + (f"（{member.office}）" if member.office else "")


def role_note(controller: PackageController) -> str:
    """For a member without the 起草 role: the content is theirs to read, not to change."""
    why = controller.editor.role_refusal("edit") if not controller.editor.read_only else ""
    return f"{why}内容只能阅读，不能修改；可以写段落意见，或办理本人角色的审核步骤。" if why else ""


def action_title(package: Package, action: str) -> str:
    """初审通过 or 复审通过 by the package's state; other actions by their own names."""
    from studio.domain import workflow

    if action == workflow.REVIEW:
        return workflow.action_label(action, workflow.review_level(package)) if workflow.review_level(package) \
            else "审核通过"
    return workflow.ACTION_LABELS[action]


def switch_member(window: MainWindow) -> None:
    """Sign in as a member; an open package stays open and from now on acts as them."""
    from studio.service import members
    from studio.ui.member_ui import sign_in

    if not members.has_roster(window.library_root):
        found_roster(window)
        return
    suggested = window.member.name if window.member else window.user.user_name()
    actor = sign_in(window, window.library_root, suggested)
    if actor is None:
        return
    window.member = actor
    window.user.name, window.user.office = actor.name, actor.office
    window.user.save()
    if window.controller is not None:
        window.package_page.commit_pending()  # words typed so far are the previous member's
        window.controller.editor.switch_actor(actor)
    window._show_user()
    # The page too, not only the actions: whether the content is theirs to change is the new member's.
    window._refresh_package()
    window._update_actions()
    window.work.refresh(window.library_root, actor)
    window.statusBar().showMessage(f"已以{actor.name}的身份登录。", 8000)


def found_roster(window: MainWindow) -> None:
    """A library without a roster: whoever sets one up becomes its first administrator."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from studio.service import members

    name = window.user.user_name()
    if QMessageBox.question(window, "建立成员名单", f"文件库“{window.library_root.name}”还没有成员名单，任何修改都无法签名。"
                            f"\n是否由你（{name}）建立成员名单，成为第一位管理员？") != QMessageBox.StandardButton.Yes:
        return
    first, ok = QInputDialog.getText(window, "设置口令", "为你的签名密钥设置口令（至少4个字符）：", QLineEdit.EchoMode.Password)
    if not ok:
        return
    again, ok = QInputDialog.getText(window, "设置口令", "再输入一次口令：", QLineEdit.EchoMode.Password)
    if not ok:
        return
    if first != again:
        QMessageBox.warning(window, "建立成员名单", "两次输入的口令不一致，未建立成员名单。")
        return
    try:
        actor = members.init_library(window.library_root, name, window.user.office, first)
    except StudioError as e:
        QMessageBox.warning(window, "建立成员名单", e.message)
        return
    window.member = actor
    window._show_user()
    window._update_actions()
    window.work.refresh(window.library_root, actor)


def show_roster(window: MainWindow) -> None:
    from studio.domain.roles import Role
    from studio.service import members
    from studio.ui.roster_dialog import RosterDialog

    member = members.roster(window.library_root).get(window.member.name) if window.member else None
    if member is None or not member.has(Role.ADMIN) or window.member is None:
        roster = members.roster(window.library_root)
        lines = [m.describe() for m in roster.members.values()] or ["（尚无成员名单）"]
        QMessageBox.information(window, "成员名单", "\n".join(lines) + "\n\n只有管理员可以修改成员名单。")
        return
    RosterDialog(window.library_root, window.member, window).exec()
