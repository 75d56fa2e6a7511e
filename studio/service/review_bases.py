"""The earlier versions a reviewer can compare the package against, read from the package's record.

A basis comes from the signed audit events and what they cover, never from a file alone: the texts
kept at a submission or review are taken from checkpoints.json only where the file, as it stood right
after that step, hashes to what the step's event recorded; the released version is taken from the
release record whose hash the release event carries. A record that does not match is named, and
nothing is compared against it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from studio.domain import workflow_actions as workflow
from studio.domain.errors import StudioError
from studio.domain.hashing import content_hash
from studio.domain.moments import readable_moment
from studio.domain.package import Package
from studio.service.review_changes import PieceChange, PieceTexts, piece_changes, piece_texts_and_places
from studio.store.checkpoints import FILE_NAME as CHECKPOINTS_FILE
from studio.store.checkpoints import Checkpoints


class BasisKind(StrEnum):
    MY_REVIEW = "my_review"
    SUBMIT = "submit"
    REVIEW = "review"
    RELEASE = "release"


# In the order offered: what a reviewer most often needs first.
ORDER = (BasisKind.MY_REVIEW, BasisKind.SUBMIT, BasisKind.REVIEW, BasisKind.RELEASE)
LABELS = {BasisKind.MY_REVIEW: "自我上次审核以来", BasisKind.SUBMIT: "自上次提交审核以来",
          BasisKind.REVIEW: "自上次审核通过以来", BasisKind.RELEASE: "自上次发布以来"}
THEN = {BasisKind.MY_REVIEW: "我上次审核时", BasisKind.SUBMIT: "上次提交审核时",
        BasisKind.REVIEW: "上次审核通过时", BasisKind.RELEASE: "上次发布时"}
ABSENT = {BasisKind.MY_REVIEW: "您尚未审核过本文件包", BasisKind.SUBMIT: "本文件包尚未提交过审核",
          BasisKind.REVIEW: "本文件包尚未有人审核通过", BasisKind.RELEASE: "本文件包尚未发布过"}


@dataclass(frozen=True)
class Basis:
    kind: BasisKind
    at: str = ""  # when the step was recorded
    user: str = ""  # who took it
    then: PieceTexts | None = None  # the texts then; None when there is none or it cannot be trusted
    problem: str = ""  # why the basis is there but cannot be compared against, in Chinese
    version: int = 0  # for a release: the version released

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    @property
    def exists(self) -> bool:
        return self.then is not None or bool(self.problem)

    @property
    def absent(self) -> str:
        return ABSENT[self.kind]

    @property
    def caption(self) -> str:
        """The old side's heading: 上次发布时（第1版，2026年11月24日 09:54）."""
        notes = ([f"第{self.version}版"] if self.version else []) + ([readable_moment(self.at)] if self.at else [])
        return THEN[self.kind] + (f"（{'，'.join(notes)}）" if notes else "")

    def unchanged_by(self, now: dict[str, str]) -> bool:
        """The kept texts are the texts `now` (piece_texts of the package): nothing to show."""
        return self.then is not None and self.then.texts == now

    def changes(self, package: Package) -> list[PieceChange]:
        return piece_changes(self.then, package) if self.then is not None else []


def review_bases(folder: Path, events: Sequence[dict[str, Any]], releases: Sequence[dict[str, Any]],
                 member: str) -> list[Basis]:
    """Every basis in ORDER, each found in the record or saying it does not exist (`exists` False)."""
    kept = _kept_steps(events)
    checkpoints = Checkpoints(folder)

    def latest(kind: BasisKind) -> Basis:
        found = [(n, e) for n, e in kept if _is(kind, e, member)]
        if not found:
            return _unkept(kind, events, member)
        count, event = found[-1]
        return _from_checkpoint(kind, checkpoints, count, event)

    return [latest(kind) if kind is not BasisKind.RELEASE else _released(events, releases) for kind in ORDER]


def first_with_changes(bases: Sequence[Basis], package: Package) -> Basis | None:
    """The first basis that can be compared and shows a change; else the first that can be compared."""
    usable = [b for b in bases if b.then is not None]
    now = piece_texts_and_places(package).texts
    return next((b for b in usable if not b.unchanged_by(now)), usable[0] if usable else None)


def _is(kind: BasisKind, event: dict[str, Any], member: str) -> bool:
    if kind is BasisKind.MY_REVIEW:
        return event.get("action") == workflow.REVIEW and event.get("member") == member
    return event.get("action") == kind.value


def _kept_steps(events: Sequence[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """(n, event) for each submission or review that added the n-th row to checkpoints.json: its event
    records a new hash of the file."""
    out: list[tuple[int, dict[str, Any]]] = []
    before: str | None = None
    for event in events:
        side = event.get("side") if isinstance(event.get("side"), dict) else {}
        digest = side.get(CHECKPOINTS_FILE) if side else None
        if digest and digest != before and event.get("action") in (workflow.SUBMIT, workflow.REVIEW):
            out.append((len(out) + 1, event))
        before = digest or before
    return out


def _unkept(kind: BasisKind, events: Sequence[dict[str, Any]], member: str) -> Basis:
    """No texts were kept for this step: it never happened, or was taken by a version that kept none."""
    step = next((e for e in reversed(events) if _is(kind, e, member)), None)
    if step is None:
        return Basis(kind)
    return Basis(kind, str(step.get("at", "")), str(step.get("user", "")),
                 problem=f"{THEN[kind]}（{readable_moment(str(step.get('at', '')))}）的文本没有保存"
                         "（该步骤由不保存审核文本的早期版本完成），无法据此对比。")


def _from_checkpoint(kind: BasisKind, checkpoints: Checkpoints, count: int, event: dict[str, Any]) -> Basis:
    at, user = str(event.get("at", "")), str(event.get("user", ""))
    written = checkpoints.as_written(count)
    recorded = (event.get("side") or {}).get(CHECKPOINTS_FILE)
    if written is None or written[1] != recorded or written[0] is None:
        return Basis(kind, at, user, problem=(
            f"{THEN[kind]}（{readable_moment(at)}，{user}）保存的文本与审计记录不符："
            f"{CHECKPOINTS_FILE} 在工作室之外被改动、替换或删除过，不能据此对比。"
            "请从备份恢复该文件，或请管理员核查。"))
    kept = written[0]
    return Basis(kind, at, user, PieceTexts(kept.texts, kept.places))


def _released(events: Sequence[dict[str, Any]], releases: Sequence[dict[str, Any]]) -> Basis:
    kind = BasisKind.RELEASE
    event = next((e for e in reversed(events) if e.get("action") == workflow.RELEASE), None)
    if event is None:
        return Basis(kind)
    at, user = str(event.get("at", "")), str(event.get("user", ""))
    record = next((r for r in reversed(releases) if content_hash(r) == event.get("release_hash")), None)
    if record is None or not isinstance(record.get("package"), dict):
        return Basis(kind, at, user, problem=(
            f"上次发布时（{readable_moment(at)}，{user}）的发布记录与审计记录不符，不能据此对比。请管理员核查。"))
    try:
        package = Package.from_dict(record["package"])
    except (StudioError, ValueError, KeyError, TypeError):
        return Basis(kind, at, user, problem=f"上次发布时（{readable_moment(at)}）的发布记录无法读取，不能据此对比。")
    return Basis(kind, at, user, piece_texts_and_places(package), version=int(record.get("version") or 0))
