"""A save and a roster change in the same moment, the interleaving injected (no sleeps): a save
re-checks the roster just before it writes; a change reads the packages again after it writes."""

from __future__ import annotations

import pytest

from studio.domain.errors import ActionRefused
from studio.domain.roles import Role
from studio.domain.signing import new_key_pair
from studio.service import library_chain_events, members, operations, session
from studio.service.library_chain_events import ChangeOptions
from studio.store.library_chain import read_chain
from tests import factories as f
from tests.service.test_roster_change_heads import ADMIN, _problems, _submitted, lib  # noqa: F401  (fixture)


def _during_signing(monkeypatch, change) -> None:
    """`change` happens once, after the save has checked the member and while it signs its event."""
    original, done = session.sign_event, []

    def sign(event, actor):
        if not done:
            done.append(True)
            change()
        return original(event, actor)
    monkeypatch.setattr(session, "sign_event", sign)


def test_a_save_during_a_roster_change_is_made_again_citing_the_new_roster(lib, monkeypatch):  # noqa: F811
    root, actors = lib
    folder = _submitted(root, actors)
    _during_signing(monkeypatch, lambda: members.remove_member(root, actors[ADMIN], f.REVIEWER2))
    operations.transition(folder, actors[f.REVIEWER1], "review")
    last = operations.history(folder)[-1]
    assert last["action"] == "review" and last["library_head"] == read_chain(root).head
    assert _problems(folder) == ""


def test_a_save_whose_member_loses_the_role_meanwhile_is_refused_and_writes_nothing(lib, monkeypatch):  # noqa: F811
    root, actors = lib
    folder = _submitted(root, actors)
    before = operations.history(folder)
    _during_signing(monkeypatch, lambda: members.update_member(root, actors[ADMIN], f.REVIEWER1,
                                                               roles=[Role.DRAFT]))
    with pytest.raises(ActionRefused, match="初审"):
        operations.transition(folder, actors[f.REVIEWER1], "review")
    assert operations.history(folder) == before


def _saved_while_changing(monkeypatch, save) -> None:
    """`save` lands after the change read the package heads and before it writes its event."""
    original, done = library_chain_events.append_event, []

    def append(root, event, expect_head):
        if not done:
            done.append(True)
            save()
        return original(root, event, expect_head)
    monkeypatch.setattr(library_chain_events, "append_event", append)


def test_a_change_tells_the_admin_of_a_removed_members_save_in_the_same_moment(lib, monkeypatch):  # noqa: F811
    root, actors = lib
    folder = _submitted(root, actors)
    _saved_while_changing(monkeypatch, lambda: operations.transition(folder, actors[f.REVIEWER1], "review"))
    options = ChangeOptions()
    members.remove_member(root, actors[ADMIN], f.REVIEWER1, options)
    assert len(options.notes) == 1 and folder.name in options.notes[0] and "重新办理" in options.notes[0]
    assert "补签" in _problems(folder)  # the review cannot be proven to precede the removal


def test_a_save_in_the_same_moment_by_a_member_the_change_leaves_alone_verifies(lib, monkeypatch):  # noqa: F811
    root, actors = lib
    folder = _submitted(root, actors)
    _saved_while_changing(monkeypatch, lambda: operations.transition(folder, actors[f.REVIEWER1], "review"))
    options = ChangeOptions()
    members.add_member(root, actors[ADMIN], "新成员", "", [Role.DRAFT], new_key_pair().public_hex, options=options)
    assert options.notes == [] and _problems(folder) == ""
