"""Which version of a package may be published, or why none may.

A bundle is built from the latest released snapshot, never from the working copy,
which may already be a new draft being amended. Only 主动公开 packages are
published; the working copy's designation counts too, so withdrawing disclosure
after release stops further exports at once. The audit trail and review records
never leave this module: the package handed on carries none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.domain.errors import ActionRefused
from studio.domain.metadata import PUBLIC_DISCLOSURE
from studio.domain.package import Package
from studio.domain.states import State
from studio.render.export.text import clean_data
from studio.service.package_info import MEDIA_DIR, StoredPackage, read_package
from studio.store.package_links import links_in, links_message


class ExportRefused(ActionRefused):
    """The package may not be put into a bundle; the message says why and what to do."""


@dataclass(frozen=True)
class PublishedPackage:
    package: Package
    preview: bool
    media_dir: Path
    # Content hashes of the published parts, as recorded at release (or computed for a preview).
    hashes: dict[str, str]


def _name(data: dict[str, Any], folder: Path) -> str:
    title = (data.get("metadata") or {}).get("title", "")
    return f"《{title}》" if title else f"文件包“{folder.name}”"


def _public_copy(data: dict[str, Any]) -> Package:
    """The package with review, sign-off and drafter fields emptied, strings cleaned."""
    data = clean_data(data)
    data.update(created_by="", submitted_by="", reviews=[], signoff=None, return_comment="")
    return Package.from_dict(data)


def _check_disclosure(data: dict[str, Any], name: str) -> None:
    disclosure = (data.get("metadata") or {}).get("disclosure", "")
    if disclosure != PUBLIC_DISCLOSURE:
        shown = f"“{disclosure}”" if disclosure else "未填写"
        raise ExportRefused(
            f"{name}的公开属性为{shown}，只有“主动公开”的文件包可以导出到网站。"
            "如确属主动公开，请由审签人确认后修改公开属性并重新发布。")


def published_version(folder: Path, preview: bool = False, stored: StoredPackage | None = None) -> PublishedPackage:
    """The package version a bundle shows; raises ExportRefused with the reason.

    `stored`: the package file as proven for publication, so the bytes proven are the bytes published.
    """
    folder = Path(folder)
    if stored is None:
        links = links_in(folder)  # before anything is read: a link is never followed, package.json included
        if links:
            raise ExportRefused(links_message(folder, links))
        stored = read_package(folder)
    name = _name(stored.data, folder)
    _check_disclosure(stored.data, name)
    media = folder / MEDIA_DIR
    if preview:
        package = _public_copy(stored.data)
        return PublishedPackage(package, True, media, package.part_hashes())
    if not stored.releases:
        state = State(stored.data.get("state", State.DRAFT.value))
        raise ExportRefused(
            f"{name}尚未发布（当前状态：{state.label}），不能导出为网站发布包。"
            "请完成审核、审签并发布后再导出；如只想查看页面效果，可导出预览稿。")
    release = stored.releases[-1]
    snapshot = release["package"]
    _check_disclosure(snapshot, name)
    package = _public_copy(snapshot)
    return PublishedPackage(package, False, media, dict(release.get("hashes") or package.part_hashes()))
