"""What a reviewer can compare the package against: each basis read from the record, its texts trusted
only where the hash its step's event recorded still matches, and a plain word for each that is missing."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from studio.domain import edits
from studio.service import clock, operations
from studio.service.review_bases import Basis, BasisKind, first_with_changes, review_bases
from studio.store.package_file import PackageFile
from tests import factories as f
from tests.members import enrol

PUBLISHER = "刘发布"
DAY = datetime(2026, 3, 10, 10, 0, tzinfo=timezone(timedelta(hours=8)))


@pytest.fixture
def lib(tmp_path):
    root = tmp_path / "lib"
    return root, enrol(root, "管理员", f.DRAFTER, f.REVIEWER1, f.REVIEWER2, f.SIGNER, PUBLISHER)


def _drafted(root, actors) -> Path:
    d = f.draft()
    folder = operations.create_package(root, actors[f.DRAFTER], {"title": f.META["title"]})
    operations.edit(folder, actors[f.DRAFTER], lambda p: edits.finish_edit(
        p, d.evolve(id=p.id, created_by=p.created_by, created_at=p.created_at)))
    return folder


def _step(folder, actors, who, action) -> None:
    with clock.use(lambda: DAY):
        operations.transition(folder, actors[who], action, "请补充目标任务。" if action == "return" else "")


def _rewrite_interpretation(folder, actors, old: str, new: str) -> None:
    def change(p):
        piece = p.pieces.interpretation
        return edits.set_text_piece(p, "interpretation", piece.body.replace(old, new))
    operations.edit(folder, actors[f.DRAFTER], change)


def _bases(folder: Path, member: str) -> dict[BasisKind, Basis]:
    stored = PackageFile(folder).load(migrate_on_disk=False)
    return {b.kind: b for b in review_bases(folder, stored.events, stored.releases, member)}


def _changed(basis: Basis, folder: Path) -> dict[str, int]:
    return {c.piece: c.changed_chars for c in basis.changes(operations.load(folder)) if c.changed_chars}


def test_a_new_package_has_no_basis_and_says_why_for_each(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    bases = _bases(folder, f.REVIEWER1)
    assert not any(b.exists for b in bases.values())
    assert bases[BasisKind.RELEASE].absent == "本文件包尚未发布过"
    assert bases[BasisKind.MY_REVIEW].absent == "您尚未审核过本文件包"
    assert bases[BasisKind.SUBMIT].absent == "本文件包尚未提交过审核"
    assert first_with_changes(list(bases.values()), operations.load(folder)) is None


def test_the_reviewers_own_last_review_shows_what_changed_though_the_last_submission_shows_nothing(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    _step(folder, actors, f.DRAFTER, "submit")
    _step(folder, actors, f.REVIEWER1, "review")
    _step(folder, actors, f.REVIEWER2, "return")
    _rewrite_interpretation(folder, actors, "减轻青年人才租房负担", "切实减轻青年人才租房负担")
    _step(folder, actors, f.DRAFTER, "submit")
    mine = _bases(folder, f.REVIEWER1)
    # Submitted again as it is now: since the last submission nothing changed.
    assert mine[BasisKind.SUBMIT].then is not None and _changed(mine[BasisKind.SUBMIT], folder) == {}
    assert _changed(mine[BasisKind.MY_REVIEW], folder) == {"interpretation": 2}
    assert mine[BasisKind.MY_REVIEW].user == f.REVIEWER1 and mine[BasisKind.MY_REVIEW].caption.startswith("我上次审核时（")
    assert first_with_changes(list(mine.values()), operations.load(folder)).kind is BasisKind.MY_REVIEW
    # The second reviewer never reviewed it: their own basis does not exist; the last review (李初审's) does.
    other = _bases(folder, f.REVIEWER2)
    assert not other[BasisKind.MY_REVIEW].exists
    assert other[BasisKind.REVIEW].user == f.REVIEWER1 and _changed(other[BasisKind.REVIEW], folder) == {
        "interpretation": 2}
    assert first_with_changes(list(other.values()), operations.load(folder)).kind is BasisKind.REVIEW


def test_since_the_last_release_shows_the_amendment(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    for who, action in ((f.DRAFTER, "submit"), (f.REVIEWER1, "review"), (f.REVIEWER2, "review"),
                        (f.SIGNER, "sign"), (PUBLISHER, "release")):
        _step(folder, actors, who, action)
    assert _changed(_bases(folder, f.REVIEWER1)[BasisKind.RELEASE], folder) == {}
    _step(folder, actors, f.DRAFTER, "amend")
    _rewrite_interpretation(folder, actors, "减轻青年人才租房负担", "减轻青年人才住房负担")
    released = _bases(folder, f.REVIEWER1)[BasisKind.RELEASE]
    assert released.version == 1 and released.caption.startswith("上次发布时（第1版，")
    change = next(c for c in released.changes(operations.load(folder)) if c.piece == "interpretation")
    assert change.changed_chars == 4  # 租房 → 住房


def test_a_checkpoint_edited_outside_the_studio_is_named_and_not_compared(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    _step(folder, actors, f.DRAFTER, "submit")
    path = folder / "checkpoints.json"
    rows = json.loads(path.read_text("utf-8"))
    rows[0]["texts"]["interpretation"] = "一份换过的文本"
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
    submitted = _bases(folder, f.REVIEWER1)[BasisKind.SUBMIT]
    assert submitted.then is None and submitted.changes(operations.load(folder)) == []
    assert "与审计记录不符" in submitted.problem and "checkpoints.json" in submitted.problem
    assert submitted.exists  # offered, with the reason, rather than hidden
    assert first_with_changes([submitted], operations.load(folder)) is None


def test_a_deleted_checkpoint_file_is_named_not_taken_for_a_package_never_submitted(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    _step(folder, actors, f.DRAFTER, "submit")
    (folder / "checkpoints.json").unlink()
    submitted = _bases(folder, f.REVIEWER1)[BasisKind.SUBMIT]
    assert submitted.exists and submitted.then is None and "删除" in submitted.problem


def test_paragraphs_are_named_as_the_margin_numbers_them_with_the_title_apart(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    _step(folder, actors, f.DRAFTER, "submit")
    _step(folder, actors, f.REVIEWER2, "return")
    body = operations.load(folder).pieces.interpretation.body
    third = [line for line in body.splitlines() if line.strip()][2]
    _rewrite_interpretation(folder, actors, third, third + "（修订）")
    change = next(c for c in _bases(folder, f.REVIEWER1)[BasisKind.SUBMIT].changes(operations.load(folder))
                  if c.piece == "interpretation")
    edited = next(r for r in change.rows if r.changed)
    assert change.new_place(edited.new_no) == "第3段" and change.old_place(edited.old_no) == "第3段"
    assert change.new_place(1) == "标题"
