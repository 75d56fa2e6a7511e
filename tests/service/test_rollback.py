"""An insider cuts a package's chain back to an earlier state (restores an older copy of the folder):
every hash and signature left holds, so only a machine that saw the later events can tell. It does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studio.domain import edits
from studio.domain.errors import ActionRefused
from studio.render.export.exporter import export_library
from studio.service import clock, operations, package_anchor
from studio.service.paragraph_comments import add_comment
from studio.service.proof import verify_package
from studio.service.session import PackageSession
from tests import factories as f
from tests.members import enrol
from tests.service.test_attacks import DAY, PUBLISHER, _drafted, _released

CUT = "被删除（回滚）"


@pytest.fixture
def lib(tmp_path):
    root = tmp_path / "lib"
    return root, enrol(root, "管理员", f.DRAFTER, f.REVIEWER1, f.REVIEWER2, f.SIGNER, PUBLISHER)


def _copy(folder: Path, to: Path) -> Path:
    shutil.copytree(folder, to, ignore=shutil.ignore_patterns("*.lock"))
    return to


def _restore(backup: Path, folder: Path) -> None:
    """The older copy put back over the package, every file as it was (an insider's best rollback)."""
    for path in folder.iterdir():
        if path.is_file() and not path.name.endswith(".lock"):
            path.unlink()
    for path in backup.iterdir():
        if path.is_file():
            shutil.copy2(path, folder / path.name)


def _messages(folder: Path) -> str:
    return " ".join(p.message for p in verify_package(folder).problems)


def _returned_with_a_comment(root, actors, tmp_path) -> tuple[Path, Path]:
    """Submitted and passed 初审; the backup taken then; 复审 comments and returns it."""
    folder = _drafted(root, actors)
    operations.transition(folder, actors[f.DRAFTER], "submit")
    operations.transition(folder, actors[f.REVIEWER1], "review")
    backup = _copy(folder, tmp_path / "elsewhere" / "backup")
    with PackageSession(folder, actors[f.REVIEWER2]) as session:
        add_comment(session, "policy", 1, "第一段数字与附件不符，请核对。")
    operations.transition(folder, actors[f.REVIEWER2], "return", "请按批注修改。")
    return folder, backup


def test_a_return_and_its_comment_cut_off_by_restoring_an_older_copy_fail_verify(lib, tmp_path):
    root, actors = lib
    folder, backup = _returned_with_a_comment(root, actors, tmp_path)
    _restore(backup, folder)
    messages = _messages(folder)
    assert CUT in messages and "studio library accept-history" in messages


def test_the_cut_chain_cannot_be_built_on(lib, tmp_path):
    root, actors = lib
    folder, backup = _returned_with_a_comment(root, actors, tmp_path)
    _restore(backup, folder)
    with pytest.raises(ActionRefused, match="回滚"):
        operations.transition(folder, actors[f.REVIEWER2], "review")  # the cut would be buried under a pass
    with pytest.raises(ActionRefused, match="回滚"):
        operations.edit(folder, actors[f.DRAFTER], lambda p: edits.set_metadata(p, {"topic": "改"}))
    assert CUT in _messages(folder)  # and nothing was written over it


def _cut_back_after_release(root, actors, tmp_path, exported_first: bool):
    """Two released packages; the second amended, then put back to its copy from release; exported."""
    _released(root, actors)
    folder = _released(root, actors)
    backup = _copy(folder, tmp_path / "elsewhere" / "backup")
    with clock.use(lambda: DAY):
        if exported_first:
            assert not export_library(root, tmp_path / "site").refused  # proven and cached at this file
        operations.transition(folder, actors[f.DRAFTER], "amend")
        _restore(backup, folder)  # the very bytes proven at release
        return folder, export_library(root, tmp_path / "site")


def test_export_refuses_a_released_package_cut_back_after_it_was_seen(lib, tmp_path):
    folder, report = _cut_back_after_release(*lib, tmp_path, exported_first=False)
    assert [s.folder for s in report.refused] == [folder]
    assert CUT in report.refused[0].reason
    assert report.packages == 1  # the other package is published as before


def test_a_cached_proof_does_not_let_a_cut_back_package_through(lib, tmp_path):
    folder, report = _cut_back_after_release(*lib, tmp_path, exported_first=True)
    assert [s.folder for s in report.refused] == [folder]


def test_a_machine_that_never_saw_the_later_events_trusts_what_it_first_sees(lib, tmp_path, monkeypatch):
    root, actors = lib
    folder, backup = _returned_with_a_comment(root, actors, tmp_path)
    _restore(backup, folder)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "another-machine"))
    assert verify_package(folder).problems == []


def test_a_restore_confirmed_by_the_people_responsible_is_accepted_on_this_machine(lib, tmp_path):
    root, actors = lib
    folder, backup = _returned_with_a_comment(root, actors, tmp_path)
    _restore(backup, folder)
    assert CUT in _messages(folder)
    accepted, refused = package_anchor.accept_history(root)
    assert (accepted, refused) == (1, [])
    assert verify_package(folder).problems == []
    operations.transition(folder, actors[f.REVIEWER2], "review")  # work goes on from the restored state


def test_a_chain_that_grows_through_the_studio_stays_trusted(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    assert verify_package(folder).problems == []
    for who, action in ((f.DRAFTER, "submit"), (f.REVIEWER1, "review")):
        operations.transition(folder, actors[who], action)
        assert verify_package(folder).problems == []
