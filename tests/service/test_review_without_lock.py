"""Commenting and approving a package under review while others merely have it open; two writers
still never interleave their events."""

from __future__ import annotations

import pytest

from studio.domain import edits
from studio.domain.errors import ActionRefused
from studio.service import operations
from studio.service.editor import PackageEditor
from studio.service.paragraph_comments import add_comment
from studio.service.session import PackageSession
from studio.store.comments import Comments
from studio.store.lock import PackageLock
from tests import factories as f
from tests.service.test_roster_change_heads import _problems, _submitted, lib  # noqa: F401  (fixture)


def test_a_reviewer_comments_and_reviews_while_the_drafter_has_the_package_open(lib):  # noqa: F811
    root, actors = lib
    folder = _submitted(root, actors)
    drafter = PackageEditor(folder, actors[f.DRAFTER])  # the drafter's window, left open
    try:
        assert not drafter.read_only and not PackageLock(folder).is_locked()
        with PackageSession(folder, actors[f.REVIEWER1]) as reviewer:
            add_comment(reviewer, "policy", 2, "第二段请写明依据。")
        operations.transition(folder, actors[f.REVIEWER1], "review")  # the command line, meanwhile
    finally:
        drafter.close()
    assert [e["action"] for e in operations.history(folder)][-2:] == ["comment", "review"]
    assert _problems(folder) == ""


def test_two_reviewers_comment_from_sessions_opened_together_one_after_the_other(lib):  # noqa: F811
    root, actors = lib
    folder = _submitted(root, actors)
    first = PackageSession(folder, actors[f.REVIEWER1])
    second = PackageSession(folder, actors[f.REVIEWER2])
    try:
        add_comment(first, "policy", 1, "甲的意见。")
        add_comment(second, "policy", 2, "乙的意见。")  # built on the first's event, not beside it
    finally:
        first.close()
        second.close()
    assert [c.text for c in Comments(folder).all()] == ["甲的意见。", "乙的意见。"]
    assert _problems(folder) == ""


def test_an_approval_from_a_session_older_than_the_last_save_is_refused(lib):  # noqa: F811
    root, actors = lib
    folder = _submitted(root, actors)
    editor = PackageEditor(folder, actors[f.REVIEWER1])
    try:
        with PackageSession(folder, actors[f.REVIEWER2]) as other:
            add_comment(other, "policy", 1, "先提一条意见。")
        before = operations.history(folder)
        with pytest.raises(ActionRefused, match="重新打开"):
            editor.transition("review")
    finally:
        editor.close()
    assert operations.history(folder) == before and _problems(folder) == ""


def test_a_comment_while_another_writes_is_refused_and_writes_nothing(lib):  # noqa: F811
    root, actors = lib
    folder = _submitted(root, actors)
    writing = PackageLock(folder)
    writing.acquire(f.SIGNER, "办公室")  # another member's save in progress
    try:
        before = operations.history(folder)
        with PackageSession(folder, actors[f.REVIEWER1]) as reviewer:
            with pytest.raises(ActionRefused, match="赵审签.*请稍后再试"):
                add_comment(reviewer, "policy", 1, "意见。")
    finally:
        writing.release()
    assert operations.history(folder) == before and Comments(folder).all() == []


def test_changing_the_text_under_review_takes_the_edit_lock_for_good(lib):  # noqa: F811
    root, actors = lib
    folder = _submitted(root, actors)
    drafter = PackageEditor(folder, actors[f.DRAFTER])
    try:
        with PackageSession(folder, actors[f.REVIEWER1]) as reviewer:
            add_comment(reviewer, "policy", 1, "意见。")
        drafter.apply(lambda p: edits.set_metadata(p, {"subject_words": "补贴"}))  # on top of the comment
        assert PackageLock(folder).is_locked()
        with PackageSession(folder, actors[f.REVIEWER2]) as other, pytest.raises(ActionRefused, match="张起草"):
            add_comment(other, "policy", 1, "又一条。")
        drafter.save()
    finally:
        drafter.close()
    assert _problems(folder) == ""


def test_a_crashed_holders_lock_on_a_package_under_review_is_told_with_how_to_clear_it(lib):  # noqa: F811
    import json
    import socket

    from studio.store.lock import LOCK_NAME

    root, actors = lib
    folder = _submitted(root, actors)
    (folder / LOCK_NAME).write_text(json.dumps({"user": f.DRAFTER, "office": "", "host": socket.gethostname(),
                                                "pid": 2 ** 22 + 12345, "since": "2026-01-01T09:00:00"}), "utf-8")
    editor = PackageEditor(folder, actors[f.REVIEWER1])
    try:
        assert editor.lock_is_stale and "已经退出" in editor.lock_message  # the window offers to clear it
        with pytest.raises(ActionRefused, match="studio unlock"):
            editor.add_comment("policy", 1, "意见。")
    finally:
        editor.close()
    assert Comments(folder).all() == []
    reopened = PackageEditor(folder, actors[f.REVIEWER1], break_stale_lock=True)
    try:
        reopened.add_comment("policy", 1, "意见。")
    finally:
        reopened.close()
    assert _problems(folder) == "" and not PackageLock(folder).is_locked()
