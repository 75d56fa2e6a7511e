"""A library made through the studio's own operations, and the sites exported from it.

Package ids and release times come from fixed sequences, so every run exports the
same bytes (golden files); everything else (audit events, locks) is the real thing.
"""

from __future__ import annotations

import itertools
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from studio.domain import edits, workflow
from studio.render.export.exporter import ExportOptions, ExportReport, export_library
from studio.service import clock as service_clock
from studio.service import operations
from studio.service.session import Actor
from tests.export import content as c
from tests.members import member

ROOT = Path(__file__).resolve().parents[2]
WEB_TOOLS = ROOT / ".venv" / "web-tools"
AMENDED_DRAFT = "第二版草稿：尚未审核的修改内容"


@dataclass
class Library:
    root: Path
    folders: dict[str, Path]


class StudioClock:
    """Stands in for the clock and the id generator of `studio.service.operations`."""

    def __init__(self) -> None:
        self.at = "2026-03-10T09:00:00+08:00"
        self._ids = (uuid.uuid5(uuid.NAMESPACE_URL, f"studio-export-test-{n}") for n in itertools.count())

    def install(self, mp: pytest.MonkeyPatch) -> None:
        mp.setattr(operations, "stamp", lambda moment=None: self.at)
        mp.setattr(operations, "uuid", SimpleNamespace(uuid4=lambda: next(self._ids)))


_ROOT: list[Path] = []  # the library being built


def _actor(name: str) -> Actor:
    return member(_ROOT[-1], name, c.OFFICE)


def _edit(folder: Path, change) -> None:
    operations.edit(folder, _actor(c.DRAFTER), change)


def _release(folder: Path, clock: StudioClock, at: str) -> None:
    """Through the whole review, with a return and comments at every step, then release."""
    t = operations.transition
    t(folder, _actor(c.DRAFTER), workflow.SUBMIT)
    t(folder, _actor(c.REVIEWER1), workflow.RETURN, c.RETURN_COMMENT)
    t(folder, _actor(c.DRAFTER), workflow.SUBMIT)
    t(folder, _actor(c.REVIEWER1), workflow.REVIEW, c.REVIEW_COMMENT)
    t(folder, _actor(c.REVIEWER2), workflow.REVIEW, c.REVIEW2_COMMENT)
    t(folder, _actor(c.SIGNER), workflow.SIGN, c.SIGN_COMMENT)
    clock.at = at
    release_day = datetime.combine(c.TODAY, time(10), timezone(timedelta(hours=8)))
    with service_clock.use(lambda: release_day):
        t(folder, _actor(c.PUBLISHER), workflow.RELEASE)
    clock.at = "2026-03-10T09:00:00+08:00"


def _simple(root: Path, title: str, number: str, n: int, **extra: str) -> Path:
    folder = operations.create_package(root, _actor(c.DRAFTER), c.simple_meta(title, number, n, **extra))
    _edit(folder, lambda p: edits.set_policy_body(p, f"# {title}\n\n{number}\n\n各有关单位：\n\n现就有关事项通知如下。\n"))
    short = title.split("关于")[-1]
    text = c.SIMPLE_INTERPRETATION.format(short=short, number=number)
    _edit(folder, lambda p: edits.set_text_piece(p, "interpretation", text, f"《{short}》政策解读"))
    return folder


def build_library(root: Path) -> Library:
    _ROOT.append(root)
    clock = StudioClock()
    mp = pytest.MonkeyPatch()
    clock.install(mp)
    try:
        folders: dict[str, Path] = {}
        # A complete 规范性文件 package, released, then amended into a new draft.
        tenant = operations.create_package(root, _actor(c.DRAFTER), c.TENANT_META)
        _edit(tenant, lambda p: edits.set_policy_body(p, c.TENANT_POLICY))
        _edit(tenant, lambda p: edits.set_text_piece(p, "interpretation", c.TENANT_INTERPRETATION,
                                                     "《明湖市青年人才租房补贴办法》政策解读"))
        _edit(tenant, lambda p: edits.set_text_piece(p, "consultation", c.TENANT_CONSULTATION))
        _edit(tenant, lambda p: edits.set_faq(p, c.TENANT_FAQ, "《明湖市青年人才租房补贴办法》问答"))
        _edit(tenant, lambda p: edits.set_explainer(p, c.TENANT_EXPLAINER))
        _edit(tenant, lambda p: edits.add_other_form(p, "专家解读", "专家谈租房补贴新政", url="https://www.minghu.gov.cn/zjjd/1.html",
                                                     date="2026-03-11", policy_ref="明政办规〔2026〕2号"))
        _edit(tenant, lambda p: edits.add_other_form(p, "媒体解读", "恶意链接", url="javascript:alert(1)",
                                                     policy_ref="明政办规〔2026〕2号"))
        _release(tenant, clock, "2026-03-10T16:30:00+08:00")
        operations.transition(tenant, _actor(c.DRAFTER), workflow.AMEND)
        _edit(tenant, lambda p: edits.set_text_piece(p, "interpretation", AMENDED_DRAFT))
        folders["tenant"] = tenant

        # Supplied images carrying EXIF and text chunks; the document has been amended (已修订).
        media = _simple(root, "明湖市人民政府关于调整城市道路停车收费标准的通知", "明政发〔2026〕5号", 5, validity="已修订")
        images = [("long.png", c.image_with_metadata("PNG")), ("photo.jpg", c.image_with_metadata("JPEG"))]
        operations.edit(media, _actor(c.DRAFTER), lambda p: edits.set_explainer(p, {
            "title": "一图读懂停车收费调整", "images": ["long.png"],
            "sections": [{"type": "points", "heading": "调整要点", "items": ["白天首小时5元", "夜间免费"]}]}),
            media=images)
        _edit(media, lambda p: edits.add_other_form(p, "新闻发布会", "停车收费调整新闻发布会现场图片", file="photo.jpg",
                                                    date="2026-03-09", policy_ref="明政发〔2026〕5号"))
        _release(media, clock, "2026-03-10T11:00:00+08:00")
        folders["media"] = media

        exempt = operations.create_package(root, _actor(c.DRAFTER), c.simple_meta(
            "明湖市人民政府关于表彰2025年度全市安全生产先进集体和先进个人的决定", "明政发〔2026〕6号", 6))
        _edit(exempt, lambda p: edits.set_metadata(p, {"exempt": "表彰决定", "exempt_reason": "仅公布表彰对象，按规定免于解读。"}))
        _edit(exempt, lambda p: edits.set_policy_body(p, "各区县人民政府，市政府各部门：\n\n决定对以下集体和个人予以表彰。\n"))
        _release(exempt, clock, "2026-03-10T10:00:00+08:00")
        folders["exempt"] = exempt

        repealed = _simple(root, "明湖市人民政府关于加强户外广告管理的通知", "明政发〔2026〕7号", 7, validity="已废止")
        _release(repealed, clock, "2026-03-10T09:30:00+08:00")
        folders["repealed"] = repealed

        # Released while 主动公开, then re-designated 不予公开 in a new version: never exported again.
        withheld = _simple(root, "明湖市人民政府关于内部管理事项的通知", "明政发〔2026〕8号", 8)
        _edit(withheld, lambda p: edits.set_policy_body(p, f"各有关单位：\n\n{c.WITHHELD_SECRET}。\n"))
        _release(withheld, clock, "2026-03-10T08:30:00+08:00")
        operations.transition(withheld, _actor(c.DRAFTER), workflow.AMEND)
        _edit(withheld, lambda p: edits.set_metadata(p, {"disclosure": "不予公开", "disclosure_reason": c.WITHHELD_REASON}))
        folders["withheld"] = withheld

        on_request = _simple(root, "明湖市人民政府关于依申请公开事项的批复", "明政发〔2026〕9号", 9,
                             disclosure="依申请公开", disclosure_reason="涉及特定申请人，依申请公开")
        folders["on_request"] = on_request

        draft = _simple(root, "明湖市人民政府办公室关于促进夜间经济发展的若干措施", "明政办发〔2026〕10号", 10)
        folders["draft"] = draft
    finally:
        mp.undo()
    return Library(root, folders)


@pytest.fixture(scope="session")
def library(tmp_path_factory) -> Library:
    config = tmp_path_factory.mktemp("export-config")
    old = os.environ.get("STUDIO_CONFIG_DIR")
    os.environ["STUDIO_CONFIG_DIR"] = str(config)
    try:
        return build_library(tmp_path_factory.mktemp("export-library") / "library")
    finally:
        if old is None:
            os.environ.pop("STUDIO_CONFIG_DIR", None)
        else:
            os.environ["STUDIO_CONFIG_DIR"] = old


SITE_OPTIONS = ExportOptions(site_name=c.SITE_NAME, base_url=c.BASE_URL)


@dataclass
class Site:
    root: Path
    report: ExportReport


@pytest.fixture(scope="session")
def site(library, tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("export-site") / "site"
    return Site(out, export_library(library.root, out, SITE_OPTIONS))


@pytest.fixture(scope="session")
def preview_site(library, tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("export-preview") / "site"
    options = ExportOptions(site_name=c.SITE_NAME, base_url=c.BASE_URL, preview=True)
    return Site(out, export_library(library.root, out, options))


def html_pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def bundle_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def web_tools() -> Path:
    missing = [p for p in ("node_modules/axe-core", "node_modules/playwright-core", "node_modules/vnu-jar")
               if not (WEB_TOOLS / p).is_dir()]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if missing or not chromium or not shutil.which("node") or not shutil.which("java"):
        pytest.fail("网页检查工具未安装（Chromium、Node、Java、axe-core、playwright-core、vnu-jar）。"
                    "请运行 bash .ci/setup.sh test，它会安装这些工具。")
    return WEB_TOOLS
