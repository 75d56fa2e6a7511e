"""An open package: read-only, or locked for editing by one member.

Every save appends events that record the hashes of each part, of the whole package, of
every media file and of the review records beside it (comments, the texts kept at each
review), each signed by the member who acted. A package whose content no
longer matches its last event is not saved over: the outside change is refused until a
member records it on purpose (`adopt`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.domain.errors import ActionRefused, StudioError
from studio.domain.hashing import content_hash
from studio.domain.package import Package
from studio.domain.roles import roles_text
from studio.domain.roster import Member
from studio.domain.states import State
from studio.paths import is_bundled_demo
from studio.service.actor import Actor
from studio.service.clock import stamp
from studio.service.library_chain_events import require_chain, sign_event
from studio.service.package_anchor import head_of, head_problems
from studio.service.recorded_state import differences, outside_change_message
from studio.service.shipped_demo import shipped_demo_refusal
from studio.store.audit import ACTION_LABELS, ChainProblem, action_key, make_event
from studio.store.library_chain import chain_stamp
from studio.store.lock import PackageLock, PackageLocked
from studio.store.media_files import media_hashes
from studio.store.package_file import PackageFile, StoredPackage
from studio.store.package_shape import append_problem
from studio.store.seen_heads import SeenHeads
from studio.store.side_files import restore, side_hashes, snapshot

if TYPE_CHECKING:
    from studio.domain.edits import EditOutcome
    from studio.domain.workflow import Transition

__all__ = ["Actor", "EventSpec", "PackageSession", "SideWrite"]

ADOPT = "adopt"
CHAIN_TRIES = 3  # a save made again this often while the roster keeps changing under it


@dataclass(frozen=True)
class SideWrite:
    """A change to one review record beside package.json, made by `apply`."""
    file: str
    apply: Callable[[], None]


@dataclass(frozen=True)
class EventSpec:
    action: str
    piece: str = ""
    fields: tuple[str, ...] = ()
    comment: str = ""
    level: int = 0  # 1 or 2 for a review


def release_record(package: Package, media: dict[str, str]) -> dict[str, Any]:
    """The released snapshot as stored; its hash is what the release event records."""
    return {"version": package.version, "released_at": package.released_at,
            "hashes": package.part_hashes(), "media": dict(media), "package": package.to_dict()}


class PackageSession:
    def __init__(self, folder: Path, actor: Actor, *, edit: bool = True, new: Package | None = None):
        """Open the package in `folder`; with `new`, start a package there instead of reading one."""
        self.folder = Path(folder)
        self.actor = actor
        self.file = PackageFile(self.folder)
        self.lock = PackageLock(self.folder)
        self.locked_by: PackageLocked | None = None
        self.read_only = not edit
        self.shipped_demo = edit and is_bundled_demo(self.folder)
        if self.shipped_demo:
            self.read_only = True  # the shipped demo is read, never written: work goes to the user's copy
        elif edit:
            try:
                self.lock.acquire(actor.name, actor.office)
                self.file.remove_stale_temp_files()
            except PackageLocked as e:
                self.read_only, self.locked_by = True, e
        self._holding = self.lock.held  # held for as long as the package is open here
        self.events: list[dict[str, Any]] = []
        self.releases: list[dict[str, Any]] = []
        self.digest: str | None = None
        self.outside: list[str] = []
        self.seen = SeenHeads(self.folder.resolve().parent)
        # The signed-in member's roster entry (or why there is none), read on first ask.
        self._roles: tuple[Member | None, str] | None = None
        self.cut_back: list[ChainProblem] = []  # the chain no longer holds what this machine saw of it
        if new is not None:
            self.package = new
            return
        try:
            stored = self.file.load(migrate_on_disk=False)
        except BaseException:
            self.lock.release()
            raise
        self._take(stored)
        if stored.migrated_from is not None and not self.read_only and not self.outside:
            self.file.load(migrate_on_disk=True)  # backs up the old file
            self.digest = self.file.read_raw()[1]
            self._save(self.package, [EventSpec("migrate", comment=f"格式版本 {stored.migrated_from} → 当前版本")])
        if edit and not self.shipped_demo and not self.package.state.editable:
            # Under review, members comment and approve rather than type: opening the package holds
            # no edit lock, so one member viewing it never stops another from commenting or approving.
            # Each write takes the lock for its own moment; changing the content takes it for good.
            self.lock.release()
            stale = self.locked_by if self.locked_by is not None and self.locked_by.stale else None
            self.read_only, self.locked_by, self._holding = False, stale, False  # a crashed holder is still told

    def _take(self, stored: StoredPackage) -> None:
        self.package = Package.from_dict(stored.data)
        self.events, self.releases, self.digest = stored.events, stored.releases, stored.digest
        self.outside = differences(self.events[-1] if self.events else None, self.package,
                                   media_hashes(self.folder), side_hashes(self.folder))
        self.cut_back = head_problems(self.seen.get(self.folder.name), self.package.id, self.events)

    # -- the edit lock ---------------------------------------------------
    def take_edit_lock(self) -> bool:
        """Hold the edit lock from now on, to change the content (an open package under review holds
        none); True when someone had saved the package meanwhile and it was read again."""
        self.require_editable()
        if self.lock.held:
            return False
        self._acquire()
        self._holding = True
        return self._catch_up()

    def _acquire(self) -> None:
        try:
            self.lock.acquire(self.actor.name, self.actor.office)
        except PackageLocked as e:
            if e.stale:
                raise ActionRefused(f"{e.message}本次操作未保存。解除锁定后请重试（窗口中重新打开该文件包时会询问；"
                                    f"命令行用 studio unlock {self.folder}）。") from None
            who = e.holder.describe() if e.holder else "他人"
            raise ActionRefused(f"该文件包此刻正由{who}编辑或保存，本次操作未保存。请稍后再试。") from None

    def _catch_up(self) -> bool:
        """Read the package again if someone saved it since it was read (only between this session's
        writes, so nothing unsaved is lost); what they wrote is then built on, never written over."""
        if self.file.read_raw()[1] == self.digest:
            return False
        self._take(self.file.load())
        return True

    @contextmanager
    def _writing(self, catch_up: bool = False) -> Iterator[None]:
        """The edit lock held for one write: two writers never interleave their events."""
        if self.lock.held:
            yield
            if self._holding and not self.package.state.editable:
                self.lock.release()  # the package went to review: as if opened under review
                self._holding = False
            return
        self._acquire()
        try:
            if catch_up:
                self._catch_up()
            yield
        finally:
            self.lock.release()

    # -- lifecycle -----------------------------------------------------
    def switch_actor(self, actor: Actor) -> None:
        """Another member signed in: what is saved from now on is theirs, and the edit lock names them."""
        self.actor = actor
        self._roles = None
        self.lock.rename(actor.name, actor.office)

    def close(self) -> None:
        self.lock.release()

    def __enter__(self) -> PackageSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def read_only_reason(self) -> str:
        if self.shipped_demo:
            return shipped_demo_refusal()
        return self.locked_by.message if self.locked_by else "文件包以只读方式打开，不能修改。"

    def require_editable(self) -> None:
        if self.read_only:
            raise ActionRefused(self.read_only_reason)

    # -- signing -------------------------------------------------------
    def _member_check(self, specs: list[EventSpec]) -> str:
        """The library chain head the events rest on; refused when the actor may not act."""
        chain = require_chain(self.folder.resolve().parent)
        roster = chain.roster()
        member = roster.get(self.actor.name) if roster else None
        if member is None:
            raise ActionRefused(f"{self.actor.name}不是本文件库的成员，不能修改文件包。请联系管理员添加。")
        if self.actor.key is None or self.actor.key.public_hex != member.public_key:
            raise ActionRefused(f"{self.actor.name}尚未用本人的密钥登录，不能签名。请先登录。")
        for spec in specs:
            key = action_key({"action": spec.action, "level": spec.level})
            if needed := member.lacks(key):
                raise ActionRefused(
                    f"{member.name}没有“{roles_text(needed)}”角色，不能{ACTION_LABELS.get(key, key)}"
                    f"（其角色：{roles_text(member.roles)}）。请由具有该角色的成员操作，或请管理员调整角色。")
        return chain.head

    def role_refusal(self, action: str, level: int = 0) -> str:
        """Why the signed-in member's roles do not allow `action` ('' if they do). The roster is read
        once per member, so the window can ask whenever it sets its buttons; every write still checks
        the roster in force then."""
        if self._roles is None:
            try:
                roster = require_chain(self.folder.resolve().parent).roster()
                member = roster.get(self.actor.name) if roster else None
                self._roles = (member, "" if member else f"{self.actor.name}不是本文件库的成员。")
            except StudioError as e:  # no roster yet, or an unreadable one: said as it is
                self._roles = (None, e.message)
        member, why = self._roles
        if member is None:
            return why
        if needed := member.lacks(action_key({"action": action, "level": level})):
            return f"{member.name}没有“{roles_text(needed)}”角色（其角色：{roles_text(member.roles)}）。"
        return ""

    def check_member(self, action: str, level: int = 0) -> None:
        """Refuse before anything is computed when the actor may not take `action` at all."""
        self._member_check([EventSpec(action, level=level)])

    # -- changes -------------------------------------------------------
    def _save(self, package: Package, specs: list[EventSpec], release: dict[str, Any] | None = None) -> None:
        with self._writing():
            self._write(package, specs, release)

    def _write(self, package: Package, specs: list[EventSpec], release: dict[str, Any] | None) -> None:
        if self.cut_back:  # appending would bury the cut: nothing is written, adopting included
            raise ActionRefused(f"文件包“{self.folder.name}”{self.cut_back[0].message}本次修改未保存。")
        if self.outside and specs and specs[0].action != ADOPT:
            raise ActionRefused(outside_change_message(self.folder.name, self.outside))
        previous = self.events[-1] if self.events else None
        if previous is not None and (problem := append_problem(previous, len(self.events))):
            raise ActionRefused(f"文件包“{self.folder.name}”的审计记录已损坏（{problem}），不能在其后追加记录，本次修改未保存。"
                                "请用 studio verify 检查，并从备份恢复该文件包。")
        root = self.folder.resolve().parent
        for _ in range(CHAIN_TRIES):
            chain_before = chain_stamp(root)
            new_events = self._events(package, specs, release, self._member_check(specs))
            # An administrator may have changed the roster while the events were made: they would then
            # cite the roster from before a change that recorded this package's chain without them.
            # Made again against the roster now in force, with the member's roles checked under it.
            if chain_stamp(root) == chain_before:
                break
        else:
            raise ActionRefused("文件库成员名单或规则设置正在被连续修改，本次修改未保存。请稍候重试。")
        self.digest = self.file.save(package.to_dict(), new_events, release, expect_digest=self.digest)
        self.package = package
        self.events.extend(new_events)
        self.outside = []
        if (head := head_of(package.id, self.events)) is not None:  # this machine has seen what it wrote
            self.seen.see(self.folder.name, head)
            self.seen.save()
        if release is not None:
            self.releases.append(release)

    def _events(self, package: Package, specs: list[EventSpec], release: dict[str, Any] | None,
                library_head: str) -> list[dict[str, Any]]:
        """The signed events of one save, each citing the library chain head `library_head`."""
        at = stamp()
        previous = self.events[-1] if self.events else None
        new_events = []
        hashes = package.part_hashes()
        package_hash = package.package_hash()
        media = media_hashes(self.folder)
        side = side_hashes(self.folder)
        for spec in specs:
            extra: dict[str, Any] = {}
            if spec.level:
                extra["level"] = spec.level
            if release is not None and spec.action == "release":
                extra["release_hash"] = content_hash(release)
            event = make_event(
                previous,
                at=at,
                user=self.actor.name,
                member=self.actor.id,
                office=self.actor.office,
                action=spec.action,
                piece=spec.piece,
                fields=list(spec.fields),
                content_hash=hashes.get(spec.piece, package_hash),
                package_hash=package_hash,
                parts=hashes,
                media=media,
                side=side,
                library_head=library_head,
                state=package.state.value,
                version=package.version,
                comment=spec.comment,
                **extra,
            )
            new_events.append(sign_event(event, self.actor))
            previous = event
        return new_events

    def record_creation(self, fields: tuple[str, ...]) -> None:
        self.require_editable()
        self._save(self.package, [EventSpec("create", "metadata", fields)])

    def apply_edit(self, outcome: EditOutcome, action: str = "edit", comment: str = "") -> EditOutcome:
        self.require_editable()
        if not outcome.changed:
            return outcome
        specs = [EventSpec(action, part, tuple(fields), comment) for part, fields in outcome.parts.items()]
        if outcome.notices:
            specs.append(EventSpec("void", comment="；".join(outcome.notices)))
        self._save(outcome.package, specs)
        return outcome

    def apply_transition(self, transition: Transition, comment: str = "", level: int = 0,
                         keep: SideWrite | None = None) -> Transition:
        """One workflow step; `keep` writes a review record (the texts reviewed) the step's event covers."""
        self.require_editable()
        release = None
        if transition.action == "release":
            release = release_record(transition.package, media_hashes(self.folder))
        spec = EventSpec(transition.action, comment=comment, level=level)
        if keep is None:
            self._save(transition.package, [spec], release)
        else:
            self._save_with_side(transition.package, spec, keep, release)
        return transition

    def record_side_change(self, spec: EventSpec, write: SideWrite) -> None:
        """A change to a review record (a comment added or dealt with), signed as an event of its own;
        built on whatever another member saved since the package was opened."""
        self.require_editable()
        with self._writing(catch_up=True):
            self._save_with_side(self.package, spec, write)

    def _save_with_side(self, package: Package, spec: EventSpec, write: SideWrite,
                        release: dict[str, Any] | None = None) -> None:
        """Write the review record, then the event that records its hash; the record is put back if the
        event cannot be saved, so no change to it is ever left unrecorded."""
        if self.outside:
            raise ActionRefused(outside_change_message(self.folder.name, self.outside))
        self._member_check([spec])  # refused before anything is written
        with self._writing():
            path = self.folder / write.file
            before = snapshot(path)
            write.apply()
            try:
                self._save(package, [spec], release)
            except BaseException:
                restore(path, before)
                raise

    def adopt_outside_change(self, reason: str) -> list[str]:
        """Record what changed outside the studio as this member's edit; any approval is void."""
        self.require_editable()
        if not self.outside:
            return []
        if not reason.strip():
            raise ActionRefused("登记外部改动须说明理由（例如：核对后确认为某人在工作室之外所作的修改）。")
        found = list(self.outside)
        package = self.package
        if package.state is not State.DRAFT:
            version = package.version + 1 if package.state is State.RELEASED else package.version
            meta = package.metadata.with_values(date_published="") if package.state is State.RELEASED \
                else package.metadata
            package = package.evolve(state=State.DRAFT, reviews=(), signoff=None, released_at="",
                                     submitted_by="", version=version, metadata=meta)
        self._save(package, [EventSpec(ADOPT, comment=f"{reason.strip()}（{'；'.join(found)}）")])
        return found
