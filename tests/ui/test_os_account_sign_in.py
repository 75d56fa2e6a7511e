"""The window's sign-in proposes the member an administrator mapped to this OS login."""

from __future__ import annotations

from studio.service import members
from studio.ui.member_ui import SignInDialog
from tests.members import enrol


def test_sign_in_proposes_the_member_mapped_to_this_os_login(qtbot, tmp_path, monkeypatch):
    root = tmp_path / "lib"
    actors = enrol(root, "管理员", "王起草", "李审核")
    members.update_member(root, actors["管理员"], "李审核", os_account="lish")
    monkeypatch.setattr(members.getpass, "getuser", lambda: "lish")
    dialog = SignInDialog(root, suggested="王起草")
    qtbot.addWidget(dialog)
    assert dialog.name.currentData() == "李审核"

    monkeypatch.setattr(members.getpass, "getuser", lambda: "somebody-else")
    other = SignInDialog(root, suggested="王起草")  # no mapping for this login: the name last used
    qtbot.addWidget(other)
    assert other.name.currentData() == "王起草"
